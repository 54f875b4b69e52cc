package dev.pat.rest;

import dev.pat.domain.model.AddressRange;

import java.time.Duration;
import java.util.List;

/**
 * What the platform API takes from a caller before it says no: the limits of a request, and who may say where a
 * request comes from.
 *
 * @param maxBody        the largest body, of any type, checked before it is read
 * @param bodyTimeout    how long a body may take to arrive; it is read without holding a worker thread
 * @param maxParameters  the most parameters, query and body together
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} is believed (none by default)
 */
public record HttpLimits(long maxBody, Duration bodyTimeout, int maxParameters, List<AddressRange> trustedProxies) {
    public static final HttpLimits STANDARD = new HttpLimits(256 * 1024, Duration.ofSeconds(10), 256, List.of());

    public HttpLimits {
        if (maxBody < 1024 || bodyTimeout.isNegative() || bodyTimeout.isZero() || maxParameters < 16) {
            throw new IllegalArgumentException("pat.http: max-body at least 1KB, a positive body-timeout,"
                    + " max-parameters at least 16");
        }
        trustedProxies = List.copyOf(trustedProxies);
    }
}
