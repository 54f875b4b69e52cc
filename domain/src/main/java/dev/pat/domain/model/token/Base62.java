package dev.pat.domain.model.token;

import dev.pat.domain.port.out.Randomness;

/** Base62 text: unbiased random strings and fixed-width numbers. */
final class Base62 {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {
    }

    static String random(Randomness randomness, int length) {
        StringBuilder out = new StringBuilder(length);
        byte[] pool = new byte[length * 2];
        while (out.length() < length) {
            randomness.fill(pool);
            for (byte b : pool) {
                int sixBits = b & 0x3F;
                // rejection sampling: 62 and 63 are dropped so every character is equally likely
                if (sixBits < 62 && out.length() < length) {
                    out.append(ALPHABET.charAt(sixBits));
                }
            }
        }
        return out.toString();
    }

    static String fixedWidth(long number, int width) {
        char[] out = new char[width];
        long rest = number;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (rest % 62));
            rest /= 62;
        }
        return new String(out);
    }

    static boolean isBase62(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
