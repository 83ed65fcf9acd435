package io.agora.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * tests/random-failure/RandomFailureCheck.java for the 007 builders, under the same shim
 * ({@code make test-java} runs both on the packaged jar): while the OS random source fails, a
 * 007 builder throws category {@code random} (-32) instead of drawing a salt, and builds again
 * once the source works. A plain program; prints {@code random-failure[java007]: N passed, M failed}.
 */
public final class RandomFailure007 {
    private RandomFailure007() {}

    static String category(Supplier<String> mint) {
        try {
            return "built " + mint.get().substring(0, 3);
        } catch (AgoraTokenException e) {
            return e.getCategory() + " " + e.getCode();
        }
    }

    public static void main(String[] args) throws Exception {
        String file = System.getenv("AGORATOKEN_RANDFAIL_FILE");
        if (file == null) {
            System.err.println("random-failure[java007]: run under LD_PRELOAD=randfail.so with AGORATOKEN_RANDFAIL_FILE set");
            System.exit(2);
        }
        Path armed = Path.of(file);
        Supplier<String> named = () -> new RtcTokenBuilder2().buildTokenWithUid(Fixtures.APP_ID, Fixtures.CERT, "room-1",
                42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600);
        Supplier<String> data = () -> {
            AccessToken2 t = new AccessToken2(Fixtures.APP_ID, Fixtures.CERT, 600);
            t.addService(new AccessToken2.ServiceFpa());
            return t.build();
        };
        int passed = 0;
        int failed = 0;
        Files.deleteIfExists(armed);
        Files.createFile(armed);
        String[] want = {"random -32", "random -32"};
        String[] got = {category(named), category(data)};
        Files.delete(armed);
        String[] after = {category(named), category(data)};
        for (int i = 0; i < 2; i++) {
            if (want[i].equals(got[i]) && after[i].equals("built 007")) {
                passed++;
            } else {
                failed++;
                System.err.println("random-failure[java007]: FAILED: " + got[i] + " then " + after[i]);
            }
        }
        System.out.println("random-failure[java007]: " + passed + " passed, " + failed + " failed");
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }
}
