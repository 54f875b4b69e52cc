package dev.pat.bench;

import dev.pat.domain.model.token.TokenValue;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.security.SecureRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fills a PAT database with N tokens for one account, the way a million-token platform looks to the hot path:
 * {@code java -cp benchmarks.jar dev.pat.bench.SeedTokens JDBC_URL ACCOUNT_ID N [VALUES_FILE K]}. Values are
 * real (the product's own generator) and thrown away, only digests stored as in the product, except the first K,
 * written to VALUES_FILE for a load that verifies many different tokens.
 */
public final class SeedTokens {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        long account = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        // optionally, the values of the first few, for a load that verifies many different tokens
        Optional<Path> valuesFile = args.length > 3 ? Optional.of(Path.of(args[3])) : Optional.empty();
        int keep = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        List<String> kept = new ArrayList<>();
        Jdbi jdbi = Jdbi.create(url);
        SecureRandom random = new SecureRandom();
        long now = System.currentTimeMillis();
        int batchSize = 10_000;
        for (int done = 0; done < count; done += batchSize) {
            int size = Math.min(batchSize, count - done);
            jdbi.useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch("INSERT INTO access_tokens (account_id, description, api_set,"
                        + " api_list, expires_at, created_on, digest, hint) VALUES (:a, 'seeded', 'ide-plugins',"
                        + " 'environment.Control.GetEnvs,environment.Control.GetEnvInfo,environment.Control.StartEnv,"
                        + "environment.Control.StopEnv', :e, :c, :d, 'pat_…seed')");
                for (int i = 0; i < size; i++) {
                    TokenValue value = TokenValue.generate(random::nextBytes);
                    if (kept.size() < keep) {
                        kept.add(value.reveal());
                    }
                    batch.bind("a", account).bind("e", now + 86_400_000L * 365).bind("c", now)
                            .bind("d", value.digest().hex()).add();
                }
                batch.execute();
            });
        }
        if (valuesFile.isPresent()) {
            Files.write(valuesFile.get(), kept);
        }
        System.out.println("seeded " + count + " tokens");
    }
}
