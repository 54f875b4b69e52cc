package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiMethod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code pat.api.calls}: the platform API's answers counted by method and result code (705 and 707 are the
 * throttled ones, 701 failed sign-ins). Tags come from two small fixed sets: never a login, a value or a path.
 */
final class ApiCounts {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    ApiCounts(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(ApiMethod method, int result) {
        String key = method.key() + "/" + result;
        Counter counter = counters.get(key);
        if (counter == null) {
            counter = counters.computeIfAbsent(key, k -> Counter.builder("pat.api.calls")
                    .description("Answers of the platform API, by method and result code")
                    .tag("method", method.canonical()).tag("result", Integer.toString(result)).register(registry));
        }
        counter.increment();
    }
}
