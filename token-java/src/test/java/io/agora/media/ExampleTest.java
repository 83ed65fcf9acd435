package io.agora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs examples/java/TokenExample.java in a child JVM and checks its tokens with our own verify. */
class ExampleTest {
    @Test
    void exampleMintsAVerifiableToken() throws Exception {
        Path example = Fixtures.root().resolve("examples/java/TokenExample.java");
        assertTrue(Files.isRegularFile(example), example.toString());
        String classes = Path.of(NativeLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long before = Fixtures.now();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", classes, example.toString(), "room-7", "2882341273"))
                .redirectErrorStream(true)
                .directory(new File(System.getProperty("java.io.tmpdir")));
        pb.environment().remove("AGORA_APP_ID");
        pb.environment().remove("AGORA_APP_CERTIFICATE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);

        String token = out.lines().filter(l -> l.startsWith("token: ")).map(l -> l.substring(7)).findFirst()
                .orElseThrow(() -> new AssertionError("no token line in:\n" + out));
        assertEquals(VerifyResult.OK, AccessToken.verify(token, Fixtures.CERT, "room-7", 2882341273L, before));
        assertEquals(VerifyResult.CHANNEL_MISMATCH, AccessToken.verify(token, Fixtures.CERT, "room-8", 2882341273L, before));
        ParsedToken parsed = AccessToken.parse(token);
        assertEquals(Fixtures.APP_ID, parsed.getAppId());
        assertTrue(parsed.getPrivileges().get(1) >= before + 3600, "join expires in an hour");
        assertTrue(out.contains("verify: ok"), out);
        String token007 = out.lines().filter(l -> l.startsWith("token007: ")).map(l -> l.substring(10)).findFirst()
                .orElseThrow(() -> new AssertionError("no token007 line in:\n" + out));
        assertEquals(VerifyResult.OK, AccessToken2.verify(token007, Fixtures.CERT, "room-7", 2882341273L, before));
        assertEquals(3600, AccessToken2.parseToken(token007).getExpire());
        assertTrue(out.contains("verify007: ok"), out);
        assertTrue(out.contains("service ServiceRtc[channelName=room-7, uid=2882341273"), out);
        assertTrue(out.contains("rejected as channel_name"), out);
        assertTrue(!out.contains(Fixtures.CERT), "the example never prints the certificate");
    }

    @Test
    void renewalExampleRenews() throws Exception {
        Path example = Fixtures.root().resolve("examples/java/RenewalExample.java");
        String classes = Path.of(NativeLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", classes, example.toString())).redirectErrorStream(true)
                .directory(new File(System.getProperty("java.io.tmpdir"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("the old token: expired, the renewed one: ok"), out);
    }
}
