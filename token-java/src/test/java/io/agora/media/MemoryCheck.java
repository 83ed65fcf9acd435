package io.agora.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds N AccessToken2 RTC publisher tokens (default 10 million) through {@link RtcTokenBuilder2}
 * and prints the process's resident set size (VmRSS, Linux) at the start, along the way and at
 * the end: a native leak of even a few bytes per token shows as a steady climb. A plain program
 * ({@code make memory-java}); {@link ConcurrencyAndLeakTest} runs a short version.
 */
public final class MemoryCheck {
    private MemoryCheck() {}

    /** VmRSS in KiB, or -1 where /proc is missing. */
    static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Builds {@code n} tokens; returns {RSS after the first tenth, RSS at the end} in KiB. */
    static long[] run(long n, boolean print) {
        RtcTokenBuilder2 rtc = new RtcTokenBuilder2();
        long sink = 0;
        long warm = 0;
        long start = System.nanoTime();
        for (long i = 1; i <= n; i++) {
            sink += rtc.buildTokenWithUid(Fixtures.APP_ID, Fixtures.CERT, "room-" + (i % 1000), (int) i,
                    RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600).length();
            if (i == n / 10) {
                System.gc();
                warm = rssKib();
            }
            if (print && i % (n / 10) == 0) {
                System.out.printf("%,12d tokens  RSS %,8d KiB  %.0f ns/token%n", i, rssKib(),
                        (System.nanoTime() - start) / (double) i);
            }
        }
        System.gc();
        if (sink == 42) {
            System.out.println();
        }
        return new long[] {warm, rssKib()};
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long before = rssKib();
        System.out.printf("start: RSS %,d KiB (library loaded: %s)%n", before, NativeLoader.loadedFrom());
        long[] r = run(n, true);
        System.out.printf("memory[java]: %,d tokens: RSS %,d KiB after the first tenth, %,d KiB at the end (%+,d KiB)%n",
                n, r[0], r[1], r[1] - r[0]);
    }
}
