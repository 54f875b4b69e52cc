package dev.pat.app;

import dev.pat.app.crypto.Argon2idHasher;
import dev.pat.app.crypto.SecureRandomness;
import dev.pat.app.crypto.TotpSecondFactor;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.port.in.AdministerAccounts;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageEnvironments;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.SignIn;
import dev.pat.domain.port.out.Clock;
import dev.pat.domain.port.out.PasswordHasher;
import dev.pat.domain.port.out.Randomness;
import dev.pat.domain.port.out.SecondFactor;
import dev.pat.domain.service.AttemptLimiter;
import dev.pat.domain.service.Platform;
import dev.pat.persistence.Database;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Wires the core to its adapters: the database, the crypto, the clock; and offers the use cases as beans. */
@Configuration(proxyBeanMethods = false)
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
    PasswordHasher passwordHasher(@Value("${pat.argon2.memory-kib}") int memoryKib,
                                  @Value("${pat.argon2.iterations}") int iterations,
                                  @Value("${pat.argon2.parallelism}") int parallelism) {
        return new Argon2idHasher(memoryKib, iterations, parallelism);
    }

    @Bean
    SecondFactor secondFactor(Randomness randomness, @Value("${pat.totp.issuer}") String issuer) {
        return new TotpSecondFactor(randomness, issuer);
    }

    @Bean(destroyMethod = "close")
    Database database(@Value("${pat.db.url}") String url, @Value("${pat.db.user:}") String user,
                      @Value("${pat.db.password:}") String password, Clock clock,
                      @Value("${pat.last-used.flush-interval}") Duration flushInterval,
                      @Value("${pat.cache.tokens}") int cachedTokens) {
        return Database.open(url, Optional.of(user).filter(u -> !u.isBlank()),
                Optional.of(password).filter(p -> !p.isBlank()), clock, flushInterval, cachedTokens);
    }

    @Bean
    Platform platform(Database db, PasswordHasher hasher, SecondFactor secondFactor, Clock clock,
                      Randomness randomness, @Value("${pat.session.idle}") Duration idle,
                      @Value("${pat.session.absolute}") Duration absolute) {
        return new Platform(new Platform.Ports(db.accounts(), db.sessions(), db.tokens(), db.environments(),
                db.usage(), db.transactions(), hasher, secondFactor, clock, randomness),
                new Session.Lifetimes(idle, absolute), AttemptLimiter.standard());
    }

    @Bean
    AuthorizeCall authorizeCall(Platform platform) {
        return platform.authorize();
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
}
