package dev.pat.bench;

import dev.pat.domain.model.CallLimits;
import dev.pat.domain.model.ClientAddress;
import dev.pat.domain.model.NotAuthenticated;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.Credential;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.catalog.ApiCatalog;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.PolicyLimits;
import dev.pat.domain.model.token.TokenValue;
import dev.pat.domain.port.in.AuthorizeCall;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.service.Platform;
import dev.pat.domain.testing.SeededRandomness;
import dev.pat.domain.testing.TestPlatform;
import dev.pat.persistence.testing.DatabaseFixture;
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
        database = DatabaseFixture.open(DatabaseFixture.freshSqliteUrl(), Instant::now);
        // the verification itself, not the per-token and per-address call limits, which millions of calls a
        // second from one address would reach at once
        Platform.Policies standard = Platform.Policies.STANDARD;
        Platform platform = new Platform(DatabaseFixture.ports(database, Instant::now, 1), new Platform.Policies(
                standard.lifetimes(), standard.attempts(), CallLimits.UNLIMITED, standard.tokenLimit(),
                standard.expiries(), new PolicyLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Optional.empty(),
                standard.tokenPolicies().warnBefore())));
        AccountId ann = platform.administration().createAccount(new Login("ann@example.com"),
                new DisplayName("Ann"), Password.chosen("correct horse battery")).id();
        String value = platform.tokens().generate(new ManageTokens.Generate(TestPlatform.as(ann),
                Password.given("correct horse battery"), new Description("bench"), ScopeRequest.apiSet("IDE Plugins"),
                Optional.empty())).value().reveal();
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
        return authorize.authorize(known, ApiCatalog.STOP_ENV, ClientAddress.LOCAL);
    }

    @Benchmark
    public Object missOfAWellFormedUnknownValue() {
        try {
            return authorize.authorize(Credential.presented(TokenValue.generate(random).reveal()),
                    ApiCatalog.STOP_ENV, ClientAddress.LOCAL);
        } catch (NotAuthenticated e) {
            return e.reason();
        }
    }

    @Benchmark
    public Object rejectedByChecksum() {
        try {
            return authorize.authorize(mistyped, ApiCatalog.STOP_ENV, ClientAddress.LOCAL);
        } catch (NotAuthenticated e) {
            return e.reason();
        }
    }
}
