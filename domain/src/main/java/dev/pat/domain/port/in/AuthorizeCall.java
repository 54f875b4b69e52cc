package dev.pat.domain.port.in;

import dev.pat.domain.model.ApiMethod;
import dev.pat.domain.model.Caller;
import dev.pat.domain.model.Credential;

/**
 * The platform's hot path: says who is calling a method with the presented session key or token value, or
 * refuses with exactly why not ({@code NotAuthenticated}, {@code PermissionDenied}, {@code TwoFactorFailed}).
 */
public interface AuthorizeCall {
    Caller authorize(Credential credential, ApiMethod method);
}
