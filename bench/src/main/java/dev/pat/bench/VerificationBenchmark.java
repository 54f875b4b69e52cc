package dev.pat.bench;

import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.account.Session;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.service.AttemptLimiter;
import dev.pat.domain.service.Platform;
import dev.pat.domain.testing.FakeSecondFactor;
import dev.pat.domain.testing.PlainHasher;
import dev.pat.domain.testing.SeededRandomness;
import dev.pat.persistence.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The authorisation hot path, through the real core and the real SQLite-backed cache: a known token (cache
 * hit), a well-formed value nobody has (a miss: one indexed lookup), and a mistyped value (refused by its
 * checksum before any lookup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VerificationBenchmark {
    private Database database;
    private AuthorizeCall authorize;
    private Credential known;
    private Credential mistyped;
    private SeededRandomness random;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String url = "jdbc:sqlite:" + Files.createTempDirectory("pat-bench").resolve("pat.db");
        database = Database.open(url, Optional.empty(), Optional.empty(), Instant::now, Duration.ofSeconds(5),
                100_000);
        Platform platform = new Platform(new Platform.Ports(database.accounts(), database.sessions(),
                database.tokens(), database.environments(), database.usage(), database.transactions(),
                new PlainHasher(), new FakeSecondFactor(), Instant::now, new SeededRandomness(1)),
                Session.Lifetimes.DEFAULT, AttemptLimiter.standard());
        AccountId ann = platform.administration().createAccount(new Login("ann@example.com"),
                new DisplayName("Ann"), Password.chosen("correct horse battery")).id();
        String value = platform.tokens().generate(new ManageTokens.Generate(ann, Password.given("correct horse battery"),
                new Description("bench"), ScopeRequest.apiSet("IDE Plugins"), Expiry.parse("31-12-2099")))
                .value().reveal();
        database.followTokenChanges();
        authorize = platform.authorize();
        known = Credential.presented(value);
        mistyped = Credential.presented(value.substring(0, 10) + (value.charAt(10) == 'a' ? 'b' : 'a')
                + value.substring(11));
        random = new SeededRandomness(2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public Object cacheHit() {
        return authorize.authorize(known, ApiCatalog.STOP_ENV);
    }

    @Benchmark
    public Object missOfAWellFormedUnknownValue() {
        try {
            return authorize.authorize(Credential.presented(TokenValue.generate(random).reveal()),
                    ApiCatalog.STOP_ENV);
        } catch (NotAuthenticated e) {
            return e.reason();
        }
    }

    @Benchmark
    public Object rejectedByChecksum() {
        try {
            return authorize.authorize(mistyped, ApiCatalog.STOP_ENV);
        } catch (NotAuthenticated e) {
            return e.reason();
        }
    }
}
