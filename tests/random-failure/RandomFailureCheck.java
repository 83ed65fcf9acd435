// token-java under randfail.so (see randfail.c): a failing OS random source is
// an AgoraTokenException of category "random" (the JVM is not aborted), and it
// mints again once the source works. Run by make test-java on the packaged jar.

import io.agora.media.AgoraTokenException;
import io.agora.media.RtcTokenBuilder;
import io.agora.media.SimpleTokenBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

public class RandomFailureCheck {
    static int passed;
    static int failed;

    static void check(boolean ok, String what) {
        if (ok) {
            passed++;
        } else {
            failed++;
            System.err.println("random-failure[java]: FAILED: " + what);
        }
    }

    static String category(Supplier<String> mint) {
        try {
            mint.get();
            return "no exception";
        } catch (AgoraTokenException e) {
            return e.getCategory() + " " + e.getCode();
        }
    }

    public static void main(String[] args) throws Exception {
        String file = System.getenv("AGORATOKEN_RANDFAIL_FILE");
        if (file == null) {
            System.err.println("random-failure[java]: run under LD_PRELOAD=randfail.so with AGORATOKEN_RANDFAIL_FILE set");
            System.exit(2);
        }
        String appId = "970CA35de60c44645bbae8a215061b33";
        String cert = "5CFd2fd1755d40ecb72977518be15d3b";
        Path path = Path.of(file);
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(appId, cert, "room-1", 42L)) {
            Files.deleteIfExists(path);
            Files.createFile(path);
            String got = category(b::buildToken);
            check(got.equals("random -32"), "buildToken throws category random (got " + got + ")");
            got = category(() -> new RtcTokenBuilder().buildTokenWithUid(appId, cert, "room-1", 42L, RtcTokenBuilder.Role.Role_Publisher, 0L));
            check(got.equals("random -32"), "the RTC helper throws category random (got " + got + ")");
            Files.delete(path);
            check(b.buildToken().startsWith("006"), "builds again once the source works");
        }
        System.out.println("random-failure[java]: " + passed + " passed, " + failed + " failed");
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }
}
