package dev.pat.domain.testing;

import dev.pat.domain.model.Digest;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.port.out.PasswordHasher;

import java.util.concurrent.atomic.AtomicInteger;

/** A fast stand-in for Argon2id that tags hashes with a version, so tests can see upgrades happen. */
public final class PlainHasher implements PasswordHasher {
    private volatile int version = 1;
    public final AtomicInteger verifications = new AtomicInteger();

    @Override
    public PasswordHash hash(Password password) {
        return new PasswordHash("v" + version + ":" + Digest.of(password.reveal()).hex());
    }

    @Override
    public boolean verify(PasswordHash hash, Password password) {
        verifications.incrementAndGet();
        return hash.encoded().endsWith(":" + Digest.of(password.reveal()).hex());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !hash.encoded().startsWith("v" + version + ":");
    }

    /** Raises the parameters, as a configuration change would. */
    public void upgradeTo(int newVersion) {
        version = newVersion;
    }
}
