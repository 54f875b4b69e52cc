package dev.pat.rest;

import dev.pat.domain.model.catalog.ApiMethod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code pat.api.calls}: the platform API's answers counted by method and result code (705 and 707 are the
 * throttled ones, 701 failed sign-ins); {@code pat.api.duration}: how long each method took to answer. Tags come
 * from two small fixed sets: never a login, a value or a path. Meters are looked up without building a key, as
 * this runs for every call.
 */
final class ApiCounts {
    private final MeterRegistry registry;
    private final Map<ApiMethod, Map<Integer, Counter>> counters = new ConcurrentHashMap<>();
    private final Map<ApiMethod, Timer> timers = new ConcurrentHashMap<>();

    ApiCounts(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(ApiMethod method, int result, long nanos) {
        Map<Integer, Counter> byResult = counters.get(method);
        if (byResult == null) {
            byResult = counters.computeIfAbsent(method, m -> new ConcurrentHashMap<>());
        }
        Counter counter = byResult.get(result);
        if (counter == null) {
            counter = byResult.computeIfAbsent(result, r -> Counter.builder("pat.api.calls")
                    .description("Answers of the platform API, by method and result code")
                    .tag("method", method.canonical()).tag("result", Integer.toString(r)).register(registry));
        }
        counter.increment();
        Timer timer = timers.get(method);
        if (timer == null) {
            timer = timers.computeIfAbsent(method, m -> Timer.builder("pat.api.duration")
                    .description("Time the platform API took to answer, by method, from the request to the answer")
                    .tag("method", m.canonical()).register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
