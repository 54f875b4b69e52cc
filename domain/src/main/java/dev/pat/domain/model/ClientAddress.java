package dev.pat.domain.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a call comes from: an IPv4 or IPv6 address (as the platform API's adapter determines it, trusting
 * {@code X-Forwarded-For} only from the operator's proxies), or {@link #LOCAL}, the operator's own terminal.
 * Normalised, so one address is one key however it was written.
 */
public record ClientAddress(String value) {
    public static final ClientAddress LOCAL = new ClientAddress("local");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    public ClientAddress {
        if (value == null || value.isBlank() || value.length() > 45) {
            throw new IllegalArgumentException("a client address is an IP address or 'local'");
        }
    }

    /** The address written as a literal, normalised; refuses anything else (and never resolves a name). */
    public static ClientAddress parse(String text) {
        // the common case, an IPv4 address already in canonical form (what the server gives for a peer), is its own
        // normal form: no parse through InetAddress on every call
        return isCanonicalIpv4(text) ? new ClientAddress(text) : new ClientAddress(normalise(bytes(text)));
    }

    /** Four decimal numbers 0-255 without leading zeros, joined by dots: what {@link #normalise} writes for IPv4. */
    static boolean isCanonicalIpv4(String text) {
        return text != null && ipv4(text) != null;
    }

    /** The bytes of an IPv4 (4) or IPv6 (16) literal; refuses a name or anything malformed, with no lookup. */
    static byte[] bytes(String text) {
        String literal = text == null ? "" : text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.indexOf(':') < 0) {
            // parsed here, never by InetAddress, which looks up as a host name any dotted text it cannot parse
            // (999.1.1.1 went to DNS)
            byte[] v4 = ipv4(literal);
            if (v4 == null) {
                throw new InvalidInput("address", "'" + Texts.clip(literal) + "' is not an IP address");
            }
            return v4;
        }
        if (!IPV6.matcher(literal).matches()) {
            throw new InvalidInput("address", "'" + Texts.clip(literal) + "' is not an IP address");
        }
        try {
            // text with a colon is parsed as an IPv6 literal or refused, never looked up
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new InvalidInput("address", "'" + Texts.clip(literal) + "' is not an IP address");
        }
    }

    /**
     * The four bytes of dotted-quad IPv4 text, each number 0-255 written without leading zeros (which some parsers
     * read as octal, so such text is ambiguous and refused, as the JDK refuses it), or null.
     */
    private static byte[] ipv4(String text) {
        if (text.length() < 7 || text.length() > 15) {
            return null;
        }
        byte[] bytes = new byte[4];
        int at = 0;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (at >= text.length() || text.charAt(at) != '.') {
                    return null;
                }
                at++;
            }
            int start = at;
            int number = 0;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9' && at - start < 3) {
                number = number * 10 + text.charAt(at) - '0';
                at++;
            }
            if (at == start || number > 255 || at - start > 1 && text.charAt(start) == '0') {
                return null;
            }
            bytes[part] = (byte) number;
        }
        return at == text.length() ? bytes : null;
    }

    /** The canonical text of an address: dotted IPv4, or IPv6 as RFC 5952 writes it ({@code 2001:db8::1}). */
    static String normalise(byte[] bytes) {
        InetAddress address;
        try {
            address = InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes", e);
        }
        if (address.getAddress().length == 4) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF;
        }
        // the longest run of two or more zero groups (the first, on a tie) becomes "::"
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    public boolean isLocal() {
        return this.equals(LOCAL);
    }

    /** The address's bytes; empty for {@link #LOCAL}. */
    public byte[] bytes() {
        return isLocal() ? new byte[0] : bytes(value);
    }
}
