package dev.pat.domain.model.environment;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an environment was created with beyond its name: how it is shown, whether SSL and high availability are on,
 * where it runs, and its node groups. Kept and answered as asked (the platform's clients read them back), not
 * provisioned: PAT has no hosts.
 *
 * @param displayName what the dashboard shows instead of the name, if anything
 * @param sslState    whether the platform's SSL is on
 * @param haEnabled   whether high availability is on
 * @param region      the region (hardware node group) asked, if any
 * @param nodeGroups  the node groups, at most 16
 */
public record EnvSettings(Optional<String> displayName, boolean sslState, boolean haEnabled, Optional<String> region,
                          List<NodeGroup> nodeGroups) {
    public static final EnvSettings NONE = new EnvSettings(Optional.empty(), false, false, Optional.empty(),
            List.of());
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public EnvSettings {
        displayName = displayName.map(d -> displayName("displayName", d));
        region.ifPresent(r -> {
            if (!REGION.matcher(r).matches()) {
                throw new InvalidInput("region", "'" + Texts.clip(r) + "' is not a region name");
            }
        });
        if (nodeGroups.size() > 16) {
            throw new InvalidInput(NodeGroup.FIELD, "at most 16 node groups (got " + nodeGroups.size() + ")");
        }
        nodeGroups = List.copyOf(nodeGroups);
    }

    /** A display name: at most 100 characters, no control characters, something visible. */
    static String displayName(String field, String text) {
        String stripped = text.strip();
        if (stripped.isEmpty() || Texts.isInvisible(stripped) || stripped.codePointCount(0, stripped.length()) > 100
                || Texts.hasControlCharacters(stripped) || Texts.hasBidiControls(stripped)) {
            throw new InvalidInput(field, "a display name is 1 to 100 visible characters, without control"
                    + " characters");
        }
        return stripped;
    }

    public EnvSettings withDisplayName(Optional<String> newName) {
        return new EnvSettings(newName, sslState, haEnabled, region, nodeGroups);
    }
}
