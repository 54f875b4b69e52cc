package dev.pat.persistence;

import dev.pat.domain.model.TokenLimitReached;
import dev.pat.domain.model.account.AccountId;
import dev.pat.domain.model.account.DisplayName;
import dev.pat.domain.model.account.Login;
import dev.pat.domain.model.account.Password;
import dev.pat.domain.model.token.Description;
import dev.pat.domain.model.token.Expiry;
import dev.pat.domain.port.in.ManageTokens;
import dev.pat.domain.port.in.ScopeRequest;
import dev.pat.domain.service.Platform;
import dev.pat.domain.testing.TestPlatform;
import dev.pat.persistence.testing.DatabaseFixture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.pat.domain.testing.TestPlatform.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Two processes (the server and an admin shell, say) write one SQLite file at the same time. */
class TwoProcessesOnOneSqliteFileIT {
    private static final int ATTEMPTS_PER_PROCESS = 80;

    @Test
    void two_processes_generating_at_once_lose_no_write_and_never_pass_the_token_limit() throws Exception {
        String url = DatabaseFixture.freshSqliteUrl();
        AccountId ann;
        try (Database db = DatabaseFixture.open(url, Instant::now)) {
            ann = platformOn(db, 1).administration().createAccount(new Login("ann@example.com"),
                    new DisplayName("Ann"), Password.chosen(
                            TestPlatform.PASSWORD)).id();
        }

        List<Process> writers = new ArrayList<>();
        for (int seed = 10; seed < 12; seed++) {
            writers.add(new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url,
                    Long.toString(ann.value()), Integer.toString(seed))
                    .redirectErrorStream(true).start());
        }
        int generated = 0;
        int refused = 0;
        for (Process writer : writers) {
            assertThat(writer.waitFor(120, TimeUnit.SECONDS)).as("writer finished").isTrue();
            String out = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(writer.exitValue()).as(out).isZero();
            String result = out.lines().filter(l -> l.startsWith("generated=")).findFirst().orElseThrow();
            generated += Integer.parseInt(result.replaceAll("generated=(\\d+) .*", "$1"));
            refused += Integer.parseInt(result.replaceAll(".*refused=(\\d+)", "$1"));
        }

        assertThat(generated).isEqualTo(ManageTokens.LIMIT_PER_ACCOUNT);
        assertThat(refused).isEqualTo(2 * ATTEMPTS_PER_PROCESS - ManageTokens.LIMIT_PER_ACCOUNT);
        try (Database db = DatabaseFixture.open(url, Instant::now)) {
            assertThat(db.tokens().ofAccount(ann)).hasSize(ManageTokens.LIMIT_PER_ACCOUNT)
                    .extracting(t -> t.id().value()).doesNotHaveDuplicates();
            String integrity = Jdbi.create(db.dataSource()).withHandle(h -> h.createQuery("PRAGMA integrity_check")
                    .mapTo(String.class).one());
            assertThat(integrity).isEqualTo("ok");
        }
    }

    static Platform platformOn(Database db, long seed) {
        return new Platform(DatabaseFixture.ports(db, Instant::now, seed), Platform.Policies.STANDARD);
    }

    /** One writing process: tries to generate its share of tokens for the account. */
    public static final class Writer {
        public static void main(String[] args) {
            try (Database db = DatabaseFixture.open(args[0], Instant::now)) {
                Platform platform = platformOn(db, Long.parseLong(args[2]));
                AccountId account = new AccountId(Long.parseLong(args[1]));
                int generated = 0;
                int refused = 0;
                for (int i = 0; i < ATTEMPTS_PER_PROCESS; i++) {
                    try {
                        platform.tokens().generate(new ManageTokens.Generate(as(account), TestPlatform.password(),
                                new Description("process " + args[2] + " token " + i),
                                ScopeRequest.apiSet("Extended Access"), Expiry.parse("2099-01-01")));
                        generated++;
                    } catch (TokenLimitReached e) {
                        refused++;
                    }
                }
                System.out.println("generated=" + generated + " refused=" + refused);
            }
        }
    }
}
