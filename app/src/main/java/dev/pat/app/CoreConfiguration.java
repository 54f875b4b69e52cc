package dev.pat.app;

import dev.pat.app.crypto.Argon2idHasher;
import dev.pat.app.crypto.BoundedPasswordHasher;
import dev.pat.app.crypto.SecretKeyFile;
import dev.pat.app.crypto.SecureRandomness;
import dev.pat.app.crypto.TotpSecondFactor;
import dev.pat.app.health.DatabaseHealth;
import dev.pat.app.health.SchemaHealth;
import dev.pat.app.health.TokenChangesHealth;
import dev.pat.app.metrics.LogEvents;
import dev.pat.app.metrics.MeteredAuthorizeCall;
import dev.pat.app.metrics.PatMeters;
import dev.pat.domain.model.AddressRange;
import dev.pat.domain.model.CallLimits;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.model.token.ExpiryPolicy;
import dev.pat.domain.model.token.TokenLimit;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.port.in.AuditLog;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ReportLeaks;
import dev.pat.domain.port.in.SignIn;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.PasswordHasher;
import dev.pat.domain.port.out.Randomness;
import dev.pat.domain.port.out.SecondFactor;
import dev.pat.domain.service.Platform;
import dev.pat.persistence.Database;
import dev.pat.rest.ApiSettings;
import dev.pat.rest.HttpLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.Optional;

/** Wires the core to its adapters: the database, the crypto, the clock; and offers the use cases as beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatProperties.class)
class CoreConfiguration {

    @Bean
    Clock clock() {
        return Instant::now;
    }

    @Bean
    Randomness randomness() {
        return new SecureRandomness();
    }

    @Bean
    BoundedPasswordHasher passwordHasher(PatProperties properties) {
        PatProperties.Argon2 argon2 = properties.argon2();
        return new BoundedPasswordHasher(new Argon2idHasher(argon2.memoryKib(), argon2.iterations(),
                argon2.parallelism()), argon2.concurrency(), argon2.maxQueued(), argon2.maxWait());
    }

    @Bean
    SecondFactor secondFactor(Randomness randomness, PatProperties properties) {
        return new TotpSecondFactor(randomness, properties.totp().issuer());
    }

    @Bean(destroyMethod = "close")
    Database database(PatProperties properties, Clock clock) {
        PatProperties.Db db = properties.db();
        return Database.open(db.url(), Optional.ofNullable(db.user()).filter(u -> !u.isBlank()),
                Optional.ofNullable(db.password()).filter(p -> !p.isBlank()), clock,
                new Database.Settings(properties.lastUsed().flushInterval(), properties.cache().tokens(),
                        properties.cache().maxAge(), SecretKeyFile.resolve(Optional.ofNullable(properties.secretKey())
                        .filter(k -> !k.isBlank()), properties.dataDirectory()), properties.audit().retention()));
    }

    @Bean
    Platform platform(Database db, PasswordHasher hasher, SecondFactor secondFactor, Clock clock,
                      Randomness randomness, PatProperties properties) {
        Platform.Policies policies = new Platform.Policies(new Session.Lifetimes(properties.session().idle(),
                properties.session().absolute()), properties.attempts().policy(),
                new CallLimits(properties.limits().unauthenticatedPerAddress(), properties.limits().callsPerToken()),
                TokenLimit.STANDARD, new ExpiryPolicy(properties.tokens().maximum()),
                properties.tokens().policyLimits(properties.limits().callsPerToken()));
        return new Platform(new Platform.Ports(db.accounts(), db.sessions(), db.tokens(), db.environments(),
                db.usage(), db.transactions(), db.attempts(), db.calls(), db.audit(), hasher, secondFactor, clock,
                randomness), policies);
    }

    /** {@code /actuator/health}: the database answers. */
    @Bean
    DatabaseHealth databaseHealthIndicator(Database db) {
        return new DatabaseHealth(db);
    }

    /** {@code /actuator/health}: the schema is the one this node was built for (every migration ran). */
    @Bean
    SchemaHealth schemaHealthIndicator(Database db) {
        return new SchemaHealth(db);
    }

    /** {@code /actuator/health}: this node follows every token change, so its cache is trusted. */
    @Bean
    TokenChangesHealth tokenChangesHealthIndicator(Database db) {
        return new TokenChangesHealth(db);
    }

    /** What a request to the platform API may hold, and whose word on its origin is believed. */
    @Bean
    HttpLimits httpLimits(PatProperties properties) {
        PatProperties.Http http = properties.http();
        return new HttpLimits(http.maxBody().toBytes(), http.bodyTimeout(), http.maxParameters(),
                http.trustedProxies().stream().map(p -> AddressRange.parse("pat.http.trusted-proxies", p)).toList());
    }

    /** What the platform API needs to know of this deployment. */
    @Bean
    ApiSettings apiSettings(PatProperties properties) {
        return new ApiSettings(properties.platformDomain());
    }

    /** The hot path, counted by outcome ({@code pat.verifications}). */
    @Bean
    AuthorizeCall authorizeCall(Platform platform, ObjectProvider<MeterRegistry> registry) {
        return new MeteredAuthorizeCall(platform.authorize(), registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** PAT's gauges and counters: cache, change feed, last-used flushes, password hashing. */
    @Bean
    PatMeters patMeters(Database db, BoundedPasswordHasher hasher) {
        return new PatMeters(db, hasher);
    }

    /** Log events by level, as Micrometer's Logback meter counts them (it is excluded: PatApplication). */
    @Bean
    LogEvents logEvents() {
        return new LogEvents();
    }

    @Bean
    SignIn signIn(Platform platform) {
        return platform.signIn();
    }

    @Bean
    ManageTokens manageTokens(Platform platform) {
        return platform.tokens();
    }

    @Bean
    ManageEnvironments manageEnvironments(Platform platform) {
        return platform.environments();
    }

    @Bean
    AdministerAccounts administerAccounts(Platform platform) {
        return platform.administration();
    }

    @Bean
    AuditLog auditLog(Platform platform) {
        return platform.audit();
    }

    @Bean
    ReportLeaks reportLeaks(Platform platform) {
        return platform.leaks();
    }
}
