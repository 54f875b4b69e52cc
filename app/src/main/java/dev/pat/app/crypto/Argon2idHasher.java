package dev.pat.app.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.PasswordHash;
import dev.pat.domain.port.out.PasswordHasher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords hashed with Argon2id (argon2-jvm); a hash with other parameters than today's is due an upgrade. Each hash's
 * working memory goes back to the system when it ends ({@link LargeAllocations}).
 */
public final class Argon2idHasher implements PasswordHasher {
    private static final Pattern PARAMETERS = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public Argon2idHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 19_456 || iterations < 2 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id below OWASP's minimum (19 MiB, 2 iterations, 1 lane)");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        LargeAllocations.returnToTheSystem();
    }

    @Override
    public PasswordHash hash(Password password) {
        char[] chars = password.reveal().toCharArray();
        try {
            return new PasswordHash(argon2.hash(iterations, memoryKib, parallelism, chars));
        } finally {
            argon2.wipeArray(chars);
        }
    }

    @Override
    public boolean verify(PasswordHash hash, Password password) {
        char[] chars = password.reveal().toCharArray();
        try {
            return hash.encoded().startsWith("$argon2id$") && argon2.verify(hash.encoded(), chars);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        Matcher m = PARAMETERS.matcher(hash.encoded());
        return !m.find() || Integer.parseInt(m.group(1)) != memoryKib || Integer.parseInt(m.group(2)) != iterations
                || Integer.parseInt(m.group(3)) != parallelism;
    }
}
