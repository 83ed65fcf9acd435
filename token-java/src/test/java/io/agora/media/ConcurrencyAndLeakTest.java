package io.agora.media;

import static io.agora.media.Fixtures.APP_ID;
import static io.agora.media.Fixtures.CERT;
import static io.agora.media.Fixtures.CHANNEL;
import static io.agora.media.Fixtures.TOKEN_UID_2882341273;
import static io.agora.media.Fixtures.UID;
import static io.agora.media.Fixtures.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyAndLeakTest {
    static final int THREADS = 8;

    /** Runs {@code task.apply(t)} for t in 0..THREADS-1 on as many threads; each must return {@code expected}. */
    static void onThreads(java.util.function.IntFunction<java.util.concurrent.Callable<Integer>> task, int expected)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(task.apply(t)));
            }
            for (Future<Integer> f : results) {
                assertEquals(expected, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneSharedBuilderFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (SimpleTokenBuilder shared = fixed(UID)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final int id = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 300; i++) {
                        // Writers and readers interleave; the privileges end as they started.
                        if (i % 50 == id) {
                            shared.setPrivilege(AccessToken.Privileges.kJoinChannel, Fixtures.EXPIRE);
                        }
                        if (TOKEN_UID_2882341273.equals(shared.buildToken())) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(300, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callsOnASharedBuilderExcludeEachOther() throws Exception {
        // Writers that reallocate the native privileges (initPrivileges, set, remove) race with
        // builds and reads on one builder: every token must still be signed over what it holds.
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (SimpleTokenBuilder shared = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, UID)) {
            long now = Fixtures.now();
            AccessToken.Privileges[] all = AccessToken.Privileges.values();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(THREADS);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < 2000; i++) {
                        switch ((i + id) % 5) {
                            case 0:
                                shared.initPrivileges(SimpleTokenBuilder.Role.Role_Publisher);
                                break;
                            case 1:
                                shared.setPrivilege(all[(i * 7 + id) % all.length], 0L);
                                break;
                            case 2:
                                shared.removePrivilege(all[(i * 3 + id) % all.length]);
                                break;
                            case 3:
                                if (shared.getPrivileges().size() > all.length || !shared.toString().contains("***")) {
                                    return -1;
                                }
                                break;
                            default:
                                break;
                        }
                        if (AccessToken.verify(shared.buildToken(), CERT, CHANNEL, UID, now).isOk()) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(2000, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneBuilderPerThreadAndHelpersFromManyThreads() throws Exception {
        onThreads(t -> () -> {
            final long uid = 1000 + t;
            int ok = 0;
            long now = Fixtures.now();
            for (int i = 0; i < 200; i++) {
                try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, uid)) {
                    b.initPrivileges(SimpleTokenBuilder.Role.Role_Publisher);
                    String token = b.buildToken();
                    String rtc = new RtcTokenBuilder().buildTokenWithUid(
                            APP_ID, CERT, CHANNEL, uid, RtcTokenBuilder.Role.Role_Publisher, 0L);
                    if (AccessToken.verify(token, CERT, CHANNEL, uid, now).isOk()
                            && AccessToken.verify(rtc, CERT, CHANNEL, uid, now).isOk()
                            && AccessToken.verify(token, CERT, CHANNEL, uid + 1, now) == VerifyResult.UID_MISMATCH) {
                        ok++;
                    }
                }
                try {
                    new SimpleTokenBuilder(APP_ID, CERT, "bad/channel", uid);
                } catch (AgoraTokenException e) {
                    if (!e.getCategory().equals("channel_name")) {
                        return -1;
                    }
                }
            }
            return ok;
        }, 200);
    }

    @Test
    void closingWhileOtherThreadsBuildIsSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 20; round++) {
                SimpleTokenBuilder shared = fixed(UID);
                java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(THREADS);
                List<Future<int[]>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    results.add(pool.submit(() -> {
                        started.countDown();
                        int built = 0;
                        int closed = 0;
                        for (int i = 0; i < 2000 && closed == 0; i++) {
                            try {
                                if (!TOKEN_UID_2882341273.equals(shared.buildToken())) {
                                    return new int[] {-1, 0};
                                }
                                built++;
                            } catch (IllegalStateException e) {
                                closed++;
                            }
                        }
                        return new int[] {built, closed};
                    }));
                }
                started.await();
                shared.close();
                int closedSeen = 0;
                for (Future<int[]> f : results) {
                    int[] r = f.get(60, TimeUnit.SECONDS);
                    assertTrue(r[0] >= 0, "every token built before close is right");
                    closedSeen += r[1];
                }
                assertTrue(closedSeen <= THREADS);
                assertThrowsClosed(shared);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertThrowsClosed(SimpleTokenBuilder b) {
        try {
            b.buildToken();
        } catch (IllegalStateException expected) {
            return;
        }
        throw new AssertionError("buildToken after close must throw");
    }

    @Test
    void builders007FromManyThreads() throws Exception {
        onThreads(t -> () -> {
            final long uid = 7000 + t;
            int ok = 0;
            long now = Fixtures.now();
            RtcTokenBuilder2 rtc = new RtcTokenBuilder2();
            for (int i = 0; i < 300; i++) {
                String token = rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, uid, RtcTokenBuilder2.Role.ROLE_PUBLISHER,
                        600L, 600L);
                String pinned = Recipes.pinned(1000 + uid, uid,
                        () -> new io.agora.chat.ChatTokenBuilder2().buildUserToken(APP_ID, CERT, "u" + uid, 60));
                ParsedToken2 p = AccessToken2.parseToken(pinned);
                if (AccessToken2.verify(token, CERT, CHANNEL, uid, now).isOk()
                        && AccessToken2.verify(token, CERT, CHANNEL, uid + 1, now) == VerifyResult.UID_MISMATCH
                        && p.getIssueTs() == 1000 + uid && p.getSalt() == uid) {
                    ok++;
                }
                try {
                    rtc.buildTokenWithUid(APP_ID, CERT, "bad/channel", uid, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 1L, 1L);
                    return -1;
                } catch (AgoraTokenException e) {
                    if (!e.getCategory().equals("channel_name")) {
                        return -1;
                    }
                }
            }
            return ok;
        }, 300);
    }

    @Test
    void buildingMany007TokensKeepsTheResidentSetFlat() throws Exception {
        // The short version of `make memory-java` (10 million tokens), in a child JVM whose heap is
        // fixed and touched up front, so that the resident set measures native memory: 100,000
        // tokens, compared after the first tenth. A leak of 100 bytes per token would add 9 MB.
        org.junit.jupiter.api.Assumptions.assumeTrue(MemoryCheck.rssKib() > 0, "no /proc/self/status");
        String cp = NativeLoaderTest.location(NativeLoader.class) + java.io.File.pathSeparator
                + NativeLoaderTest.location(MemoryCheck.class);
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx32m", "-XX:+AlwaysPreTouch", "-cp", cp, MemoryCheck.class.getName(), "100000")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(([+-][0-9,]+) KiB\\)").matcher(out);
        assertTrue(m.find(), out);
        long growth = Long.parseLong(m.group(1).replace(",", "").replace("+", ""));
        assertTrue(growth < 6 * 1024, "RSS grew by " + growth + " KiB:\n" + out);
    }

    @Test
    void closedBuildersReleaseTheirHandles() {
        long before = Native.liveBuilders();
        for (int i = 0; i < 20000; i++) {
            try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, i)) {
                b.setSalt(i);
            }
        }
        assertEquals(before, Native.liveBuilders());
    }

    @Test
    void forgottenBuildersAreReleasedByTheCleaner() throws InterruptedException {
        long before = Native.liveBuilders();
        for (int i = 0; i < 5000; i++) {
            new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, "user" + i).setTs(i);
        }
        assertTrue(Native.liveBuilders() >= before + 1, "some builders are still alive before a GC");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Native.liveBuilders() > before && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(Native.liveBuilders() <= before, "live builders after GC: " + Native.liveBuilders());
    }
}
