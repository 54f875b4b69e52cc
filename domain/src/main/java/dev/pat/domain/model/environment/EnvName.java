package dev.pat.domain.model.environment;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;

import java.util.Locale;

/** An environment's name: a DNS label, unique on the platform, compared case-insensitively. */
public record EnvName(String value) {
    public EnvName {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("envName", "required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!isLabel(value)) {
            throw new InvalidInput("envName", "'" + Texts.clip(value) + "' is not a valid name: 1 to 40 letters,"
                    + " digits and hyphens, starting with a letter and not ending with a hyphen");
        }
    }

    /**
     * 1 to 40 of a-z, 0-9 and '-', starting with a letter, not ending with '-'; by hand, not a regular expression:
     * GetEnvInfo and every call naming an environment make one.
     */
    static boolean isLabel(String text) {
        int length = text.length();
        if (length < 1 || length > 40 || !(text.charAt(0) >= 'a' && text.charAt(0) <= 'z')
                || text.charAt(length - 1) == '-') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
