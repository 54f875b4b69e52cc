package dev.pat.domain.model.environment;

import dev.pat.domain.model.InvalidInput;
import dev.pat.domain.model.Texts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A group of like nodes an environment was created with, as it was asked: kept and shown, not provisioned.
 *
 * @param name              the node group ({@code cp}, {@code sqldb}, …)
 * @param nodeType          the software stack ({@code tomcat9}, {@code mysql8}, …)
 * @param count             how many nodes, 1 to 32
 * @param fixedCloudlets    reserved cloudlets per node, 0 to 256
 * @param flexibleCloudlets the most cloudlets per node, at least the reserved ones, at most 256
 * @param displayName       what the group is called in the dashboard, if anything
 */
public record NodeGroup(String name, String nodeType, int count, int fixedCloudlets, int flexibleCloudlets,
                        Optional<String> displayName) {
    public static final String FIELD = "nodes";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    public NodeGroup {
        if (nodeType == null || !NAME.matcher(nodeType).matches()) {
            throw new InvalidInput(FIELD, "nodeType '" + Texts.clip(String.valueOf(nodeType))
                    + "' is not a node type: 1 to 40 letters, digits, '.', '_' or '-'");
        }
        if (name == null || name.isBlank()) {
            name = nodeType;
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInput(FIELD, "nodeGroup '" + Texts.clip(name) + "' is not a group name");
        }
        if (count < 1 || count > 32) {
            throw new InvalidInput(FIELD, "count must be 1 to 32 (got " + count + ")");
        }
        if (fixedCloudlets < 0 || fixedCloudlets > 256 || flexibleCloudlets < fixedCloudlets
                || flexibleCloudlets > 256) {
            throw new InvalidInput(FIELD, "cloudlets must be 0 to 256, flexible at least fixed (got " + fixedCloudlets
                    + " and " + flexibleCloudlets + ")");
        }
        displayName = displayName.map(d -> EnvSettings.displayName(FIELD, d));
    }
}
