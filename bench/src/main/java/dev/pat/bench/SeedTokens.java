package dev.pat.bench;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Fills a PAT database with N tokens for one account, the way a million-token platform looks to the hot path:
 * {@code java -cp benchmarks.jar dev.pat.bench.SeedTokens JDBC_URL ACCOUNT_ID N}. Values are random and
 * thrown away; only digests are stored, as in the product.
 */
public final class SeedTokens {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        long account = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        Jdbi jdbi = Jdbi.create(url);
        SecureRandom random = new SecureRandom();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long now = System.currentTimeMillis();
        int batchSize = 10_000;
        for (int done = 0; done < count; done += batchSize) {
            int size = Math.min(batchSize, count - done);
            jdbi.useTransaction(h -> {
                PreparedBatch batch = h.prepareBatch("INSERT INTO access_tokens (account_id, description, api_set,"
                        + " api_list, expires_at, created_on, digest, hint) VALUES (:a, 'seeded', 'ide-plugins',"
                        + " 'environment.Control.GetEnvs,environment.Control.GetEnvInfo,environment.Control.StartEnv,"
                        + "environment.Control.StopEnv', :e, :c, :d, 'pat_…seed')");
                byte[] bytes = new byte[32];
                for (int i = 0; i < size; i++) {
                    random.nextBytes(bytes);
                    batch.bind("a", account).bind("e", now + 86_400_000L * 365).bind("c", now)
                            .bind("d", HexFormat.of().formatHex(sha.digest(bytes))).add();
                }
                batch.execute();
            });
        }
        System.out.println("seeded " + count + " tokens");
    }
}
