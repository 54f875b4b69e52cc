package dev.pat.domain.model.environment;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;

import java.util.Locale;
import java.util.regex.Pattern;

/** An environment's name: a DNS label, unique on the platform, compared case-insensitively. */
public record EnvName(String value) {
    private static final Pattern LABEL = Pattern.compile("^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$");

    public EnvName {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("envName", "required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!LABEL.matcher(value).matches()) {
            throw new InvalidInput("envName", "'" + Texts.clip(value) + "' is not a valid name: 1 to 40 letters,"
                    + " digits and hyphens, starting with a letter and not ending with a hyphen");
        }
    }
}
