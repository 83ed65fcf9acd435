package io.agora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner itself: it passes the real vectors and fails on anything it cannot check. */
class ConformanceRunnerTest {
    @TempDir
    Path dir;

    record Run(int exit, List<String> lines) {
        String last() {
            return lines.get(lines.size() - 1);
        }
    }

    Run run(Path vectors) throws Exception {
        String cp = NativeLoaderTest.location(NativeLoader.class) + java.io.File.pathSeparator
                + NativeLoaderTest.location(ConformanceRunner.class);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, ConformanceRunner.class.getName()).redirectErrorStream(true);
        if (vectors == null) {
            pb.environment().remove("AGORA_TOKEN_VECTORS");
        } else {
            pb.environment().put("AGORA_TOKEN_VECTORS", vectors.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out.lines().toList());
    }

    void write(String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void passesTheRepositoryVectorsFoundFromItsOwnLocation() throws Exception {
        Run r = run(null);
        assertEquals(0, r.exit(), String.join("\n", r.lines()));
        assertTrue(r.last().matches("conformance\\[java\\]: [1-9][0-9]* passed, 0 failed"), r.last());
    }

    @Test
    void failsOnAnUnknownKind() throws Exception {
        write("a.jsonl", "{\"id\": \"x\", \"kind\": \"build007\"}");
        Run r = run(dir);
        assertEquals(1, r.exit());
        assertEquals("conformance[java]: 0 passed, 1 failed", r.last());
    }

    @Test
    void failsWhenNothingRan() throws Exception {
        Run r = run(dir);
        assertEquals(1, r.exit());
        assertEquals("conformance[java]: 0 passed, 0 failed", r.last());
        write("notes.txt", "not a vector file");
        write("blank.jsonl", "", "   ");
        assertEquals(1, run(dir).exit());
    }

    @Test
    void failsOnAWrongExpectation() throws Exception {
        String good = "{\"id\": \"g\", \"kind\": \"build006\", \"app_id\": \"970CA35de60c44645bbae8a215061b33\", "
                + "\"app_certificate\": \"5CFd2fd1755d40ecb72977518be15d3b\", \"channel_name\": "
                + "\"7d72365eb983485397e3e3f9d460bdda\", \"uid\": 2882341273, \"salt\": 1, \"ts\": 1111111, "
                + "\"privileges\": [[1, 1446455471]], \"token\": \"" + Fixtures.TOKEN_UID_2882341273 + "\"}";
        write("a.jsonl",
                good,
                good.replace("\"g\"", "\"wrong-token\"").replace("IACV", "IACW"),
                "{\"id\": \"wrong-error\", \"kind\": \"reject006\", \"token\": \"007abc\", \"error\": \"base64\"}",
                "{\"id\": \"accepted\", \"kind\": \"invalid006\", \"app_id\": \"970CA35de60c44645bbae8a215061b33\", "
                        + "\"app_certificate\": \"5CFd2fd1755d40ecb72977518be15d3b\", \"channel_name\": \"ok\", "
                        + "\"uid\": 1, \"salt\": 1, \"ts\": 1, \"privileges\": [], \"error\": \"channel_name\"}",
                "{\"id\": \"g\", \"kind\": \"reject006\", \"token\": \"007abc\", \"error\": \"version\"}",
                "{\"id\": \"both\", \"kind\": \"build006\", \"uid\": 1, \"user_account\": \"a\"}",
                "{not json");
        Run r = run(dir);
        assertEquals(1, r.exit());
        assertEquals("conformance[java]: 1 passed, 6 failed", r.last(), String.join("\n", r.lines()));
        String all = String.join("\n", r.lines());
        for (String id : List.of("wrong-token", "wrong-error", "accepted", "duplicate id", "both")) {
            assertTrue(all.contains(id), id + " in\n" + all);
        }
    }
}
