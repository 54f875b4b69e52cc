package dev.pat.app.crypto;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Argon2id takes its working memory (19 MiB by default, for each hash) from the C heap. glibc's malloc serves a block
 * that large with its own mapping at first, but when it is freed glibc raises its mmap threshold past it, so every
 * later hash takes its block from the calling thread's arena, and there the freed block stays resident: an idle
 * server measured 229 MB resident, then 384 MB after twelve sign-ins (one block kept per arena, up to 16 arenas on two
 * cores). Setting the threshold explicitly, to glibc's own default of 128 KiB, turns that adjustment off, so large
 * blocks are mapped for their use and unmapped when freed, and a hash's memory goes back to the system when it ends.
 * Where the C library is not glibc (mallopt absent) this does nothing.
 */
final class LargeAllocations {
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int GLIBC_DEFAULT_THRESHOLD = 128 * 1024;
    private static boolean returned;

    private LargeAllocations() {
    }

    /** Sets the threshold once per process; true if the C library took it. */
    static synchronized boolean returnToTheSystem() {
        if (!returned && Platform.isLinux()) {
            try {
                returned = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("mallopt")
                        .invokeInt(new Object[] {M_MMAP_THRESHOLD, GLIBC_DEFAULT_THRESHOLD}) == 1;
            } catch (UnsatisfiedLinkError notGlibc) {
                returned = false;
            }
        }
        return returned;
    }
}
