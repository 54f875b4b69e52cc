package dev.pat.domain.model.token;

import dev.pat.domain.model.AddressRange;
import dev.pat.domain.model.catalog.ApiMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What an edit changed, in words for the audit trail: each setting that differs, with its new value. */
public final class TokenChanges {
    private TokenChanges() {
    }

    public static String between(AccessToken before, AccessToken after) {
        List<String> changes = new ArrayList<>();
        if (!before.description().equals(after.description())) {
            changes.add("description: \"" + after.description().value() + "\"");
        }
        if (!before.expiry().equals(after.expiry())) {
            changes.add("expiresAt: " + after.expiry().map(Expiry::format).orElse("never"));
        }
        if (!before.scope().equals(after.scope())) {
            changes.add("apiList: " + after.scope().apiSetId().orElse("custom") + " ("
                    + after.scope().methods().stream().map(ApiMethod::canonical).collect(Collectors.joining(", "))
                    + ")");
        }
        TokenPolicies was = before.policies();
        TokenPolicies is = after.policies();
        if (!was.envNames().equals(is.envNames())) {
            changes.add("envNames: " + (is.envNames().isEveryEnvironment() ? "*"
                    : String.join(", ", is.envNames().patterns())));
        }
        if (!was.allowedIps().equals(is.allowedIps())) {
            changes.add("allowedIps: " + (is.allowedIps().isAnywhere() ? "*" : is.allowedIps().ranges().stream()
                    .map(AddressRange::cidr).collect(Collectors.joining(", "))));
        }
        if (!was.rateLimit().equals(is.rateLimit())) {
            changes.add("rateLimit: " + is.rateLimit().map(String::valueOf).orElse("default"));
        }
        if (!was.idleDays().equals(is.idleDays())) {
            changes.add("idleDays: " + is.idleDays().map(String::valueOf).orElse("never"));
        }
        return changes.isEmpty() ? "nothing changed" : String.join("; ", changes);
    }
}
