package dev.pat.app.crypto;

import dev.pat.domain.model.account.Password;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LargeAllocationsTest {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final int THREADS = 6;

    @Test
    void hashes_on_several_threads_at_once_give_their_memory_back_when_they_end() throws Exception {
        assumeTrue(Files.isReadable(STATUS), "resident memory is read from /proc (Linux)");
        Argon2idHasher hasher = new Argon2idHasher(19_456, 2, 1);
        assumeTrue(LargeAllocations.returnToTheSystem(), "the C library is glibc");
        Password password = Password.given("correct horse battery");
        hasher.hash(password); // the first block freed is the one after which glibc would raise its threshold
        long before = residentKib();

        for (int round = 0; round < 2; round++) {
            CyclicBarrier together = new CyclicBarrier(THREADS);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Thread thread = new Thread(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    hasher.hash(password);
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }

        // six threads at once use six arenas: with glibc's adjusted threshold each would keep its 19 MiB (+114 MB)
        long grownMib = (residentKib() - before) / 1024;
        assertThat(grownMib).as("resident memory grown by twelve hashes, MiB").isLessThan(40);
    }

    private static long residentKib() throws IOException {
        return Files.readAllLines(STATUS).stream().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
