package dev.pat.rest;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The short id that ties an internal error's answer to its stack trace in the log. */
final class Incident {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Incident() {
    }

    static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
