package dev.pat.app.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The 256-bit key that seals the secrets PAT must read back: given by the operator ({@code PAT_SECRET_KEY}, Base64
 * of 32 bytes), or generated on first start into the data directory, readable by its owner only, as Gitea and
 * Grafana do. Every node of one database needs the same key.
 */
public final class SecretKeyFile {
    static final String FILE = "secret.key";
    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);

    private SecretKeyFile() {
    }

    public static byte[] resolve(Optional<String> configured, Path dataDirectory) {
        if (configured.isPresent()) {
            return decode(configured.get(), "pat.secret-key (PAT_SECRET_KEY)");
        }
        Path file = dataDirectory.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + System.lineSeparator(),
                    StandardCharsets.US_ASCII);
            LOG.warn("generated a new secret key in {}: keep it with the database's backups; every node of one"
                    + " database needs the same key (set PAT_SECRET_KEY)", file);
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            // another process on this machine created it meanwhile: that one is read
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not Base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(where + " must be 32 bytes (256 bits) in Base64, e.g. from"
                    + " `openssl rand -base64 32`; it has " + key.length);
        }
        return key;
    }
}
