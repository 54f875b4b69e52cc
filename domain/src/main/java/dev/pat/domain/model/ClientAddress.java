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
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    public ClientAddress {
        if (value == null || value.isBlank() || value.length() > 45) {
            throw new IllegalArgumentException("a client address is an IP address or 'local'");
        }
    }

    /** The address written as a literal, normalised; refuses anything else (and never resolves a name). */
    public static ClientAddress parse(String text) {
        return new ClientAddress(normalise(bytes(text)));
    }

    /** The bytes of an IPv4 (4) or IPv6 (16) literal; refuses a name or anything malformed, with no lookup. */
    static byte[] bytes(String text) {
        String literal = text == null ? "" : text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        boolean v4 = IPV4.matcher(literal).matches();
        if (!v4 && !(literal.contains(":") && IPV6.matcher(literal).matches())) {
            throw new InvalidInput("address", "'" + Texts.clip(literal) + "' is not an IP address");
        }
        try {
            // a literal of these characters only is parsed, never looked up
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new InvalidInput("address", "'" + Texts.clip(literal) + "' is not an IP address");
        }
    }

    private static String normalise(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes", e);
        }
    }

    public boolean isLocal() {
        return this.equals(LOCAL);
    }

    /** The address's bytes; empty for {@link #LOCAL}. */
    public byte[] bytes() {
        return isLocal() ? new byte[0] : bytes(value);
    }
}
