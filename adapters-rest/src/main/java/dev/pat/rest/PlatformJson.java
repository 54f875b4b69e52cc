package dev.pat.rest;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;

/** How the platform writes times in JSON: {@code yyyy-MM-dd HH:mm:ss}, UTC. */
final class PlatformJson extends SimpleModule {
    PlatformJson() {
        super("pat-platform-times");
        addSerializer(Instant.class, new ValueSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator out, SerializationContext context) {
                out.writeString(Answers.time(value));
            }
        });
    }
}
