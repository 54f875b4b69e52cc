package dev.pat.domain.port.in;

import dev.pat.domain.model.account.Password;

import java.util.Objects;

/**
 * The account's password confirming a change, as the seed requires of every change. A use case asks for it only
 * after every check that needs no password has passed, so a person at a prompt is never asked to confirm a change
 * that was going to be refused anyway.
 */
@FunctionalInterface
public interface Confirmation {

    /** The password, asked for now if it was not given with the request. */
    Password password();

    /** A password already given with the request, as the platform API's calls carry it. */
    static Confirmation of(Password password) {
        Objects.requireNonNull(password, "password");
        return () -> password;
    }
}
