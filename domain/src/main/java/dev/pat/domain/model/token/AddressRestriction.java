package dev.pat.domain.model.token;

import dev.pat.domain.model.AddressRange;
import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.InvalidInput;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where a token may be used from ({@code allowedIps}): IPv4 and IPv6 addresses and CIDR ranges, as the client
 * address is determined for throttling (the TCP peer, or the first untrusted hop behind a trusted proxy); none means
 * anywhere, the seed's behaviour.
 */
public record AddressRestriction(List<AddressRange> ranges) {
    public static final String FIELD = "allowedIps";
    public static final AddressRestriction ANYWHERE = new AddressRestriction(List.of());
    /** How many addresses and ranges one token may carry. */
    public static final int MAX_RANGES = 100;

    public AddressRestriction {
        ranges = List.copyOf(ranges);
    }

    /** The ranges asked for; a lone {@code *} (or nothing) means anywhere. */
    public static AddressRestriction parse(List<String> items) {
        if (items.size() == 1 && items.get(0).strip().equals("*")) {
            return ANYWHERE;
        }
        if (items.size() > MAX_RANGES) {
            throw new InvalidInput(FIELD, "names " + items.size() + " addresses or ranges; at most " + MAX_RANGES);
        }
        LinkedHashSet<AddressRange> ranges = new LinkedHashSet<>();
        items.forEach(item -> ranges.add(AddressRange.parse(FIELD, item)));
        return new AddressRestriction(List.copyOf(ranges));
    }

    /** Whether a call from that address may use the token. */
    public boolean allows(ClientAddress address) {
        if (ranges.isEmpty()) {
            return true;
        }
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAnywhere() {
        return ranges.isEmpty();
    }
}
