package io.agora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways the library loads, each in a child JVM, in the documented order. */
class NativeLoaderTest {
    @TempDir
    static Path dir;

    static Path library;

    @BeforeAll
    static void extract() throws IOException {
        library = dir.resolve(System.mapLibraryName(NativeLoader.LIBRARY));
        try (InputStream in = NativeLoader.class.getResourceAsStream(NativeLoader.resourcePath())) {
            assertNotNull(in, "the library is packed as resource " + NativeLoader.resourcePath());
            Files.copy(in, library);
        }
    }

    record Run(int exit, String output) {}

    static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    static Run child(List<String> jvmArgs, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(location(NativeLoader.class) + File.pathSeparator + location(LoaderProbe.class));
        cmd.add(LoaderProbe.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(NativeLoader.PATH_ENV);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    static void assertLoaded(Run run, String from) {
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("loaded-from=" + from), run.output());
        assertTrue(run.output().contains("token=" + Fixtures.TOKEN_UID_2882341273), run.output());
    }

    @Test
    void inThisJvmFromTheJarResource() {
        assertTrue(NativeLoader.loadedFrom().startsWith("jar: /io/agora/media/native/"), NativeLoader.loadedFrom());
        assertEquals(NativeLoader.platform(), NativeLoader.resourcePath().split("/")[5]);
    }

    @Test
    void fromTheJarWhenNothingElseIsGiven() throws Exception {
        assertLoaded(child(List.of(), Map.of()), "jar: ");
    }

    @Test
    void fromJavaLibraryPathFirst() throws Exception {
        // java.library.path wins even over an explicit (and here broken) path.
        assertLoaded(child(List.of("-Djava.library.path=" + dir, "-D" + NativeLoader.PATH_PROPERTY + "=/nonexistent"),
                Map.of()), "java.library.path");
    }

    @Test
    void fromTheSystemProperty() throws Exception {
        assertLoaded(child(List.of("-D" + NativeLoader.PATH_PROPERTY + "=" + library), Map.of()),
                "explicit: " + library);
    }

    @Test
    void fromTheEnvironmentVariable() throws Exception {
        assertLoaded(child(List.of(), Map.of(NativeLoader.PATH_ENV, library.toString())), "explicit: " + library);
    }

    @Test
    void aBrokenExplicitPathIsAnErrorNotASilentFallback() throws Exception {
        Path missing = dir.resolve("missing" + File.separator + "lib.so");
        Run run = child(List.of("-D" + NativeLoader.PATH_PROPERTY + "=" + missing), Map.of());
        assertNotEquals(0, run.exit());
        assertTrue(run.output().contains("UnsatisfiedLinkError"), run.output());
        assertTrue(run.output().contains(NativeLoader.PATH_PROPERTY), run.output());
    }
}
