package dev.pat.domain.model;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address, or a CIDR range of them ({@code 10.0.0.0/8}, {@code 2001:db8::/32}): who may call with a
 * token, or which proxies are trusted to say who is calling.
 */
public record AddressRange(String cidr) {
    public AddressRange {
        if (cidr == null || cidr.isBlank()) {
            throw new InvalidInput("address", "an address or a CIDR range is required");
        }
    }

    /** Parses {@code ADDRESS} or {@code ADDRESS/BITS}; the address part is normalised to its network. */
    public static AddressRange parse(String field, String text) {
        String trimmed = text == null ? "" : text.strip();
        int slash = trimmed.indexOf('/');
        byte[] address;
        try {
            address = ClientAddress.bytes(slash < 0 ? trimmed : trimmed.substring(0, slash));
        } catch (InvalidInput e) {
            throw new InvalidInput(field, "'" + Texts.clip(trimmed) + "' is not an address or a CIDR range");
        }
        int bits = address.length * 8;
        if (slash >= 0) {
            String suffix = trimmed.substring(slash + 1);
            if (!suffix.matches("\\d{1,3}") || Integer.parseInt(suffix) > address.length * 8) {
                throw new InvalidInput(field, "'" + Texts.clip(trimmed) + "' has a prefix length beyond "
                        + address.length * 8);
            }
            bits = Integer.parseInt(suffix);
        }
        byte[] network = mask(address, bits);
        String base = ClientAddress.parse(ipText(network)).value();
        return new AddressRange(bits == address.length * 8 ? base : base + "/" + bits);
    }

    private static String ipText(byte[] bytes) {
        try {
            return java.net.InetAddress.getByAddress(bytes).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] mask(byte[] address, int bits) {
        byte[] masked = Arrays.copyOf(address, address.length);
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF << (8 - keep)));
        }
        return masked;
    }

    /** Whether the address lies in this range (an IPv4 address never lies in an IPv6 range, nor the reverse). */
    public boolean contains(ClientAddress address) {
        if (address.isLocal()) {
            return false;
        }
        int slash = cidr.indexOf('/');
        byte[] network = ClientAddress.bytes(slash < 0 ? cidr : cidr.substring(0, slash));
        byte[] candidate = address.bytes();
        if (candidate.length != network.length) {
            return false;
        }
        int bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        return Arrays.equals(mask(candidate, bits), network);
    }
}
