package io.agora.compat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.runner.Description;
import org.junit.runner.JUnitCore;
import org.junit.runner.Request;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;

/**
 * Runs Agora's JUnit 4 test classes (compiled from a copy outside the repository) against this
 * project's jar, one test method at a time, and classifies each: passed; failed; a known
 * difference (listed in known-differences.txt with its reason, and failing as expected); or a
 * known difference that passed (a failure, so the list stays true). JUnit's own ignored tests and
 * the skipped counts handed over by run-reference.sh are "skipped". The last line printed is
 * {@code compat[java, reference]: N passed, M failed, D known differences, K skipped}; the exit
 * status is 1 when M > 0 or N = 0.
 *
 * <p>Usage: {@code ReferenceRunner <known-differences.txt> <skipped count> <class>...}
 */
public final class ReferenceRunner {
    private ReferenceRunner() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> known = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException("known-differences.txt: no tab in: " + line);
            }
            known.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
        }
        int passed = 0;
        int failed = 0;
        int differences = 0;
        int skipped = Integer.parseInt(args[1]);
        List<String> seen = new ArrayList<>();
        for (int a = 2; a < args.length; a++) {
            Class<?> type = Class.forName(args[a]);
            Request request = Request.aClass(type);
            List<Description> tests = new ArrayList<>();
            collect(request.getRunner().getDescription(), tests);
            for (Description test : tests) {
                String id = type.getSimpleName() + "#" + test.getMethodName();
                seen.add(id);
                Map<String, Failure> failures = new LinkedHashMap<>();
                boolean[] ignored = {false};
                JUnitCore core = new JUnitCore();
                core.addListener(new RunListener() {
                    @Override
                    public void testFailure(Failure failure) {
                        failures.put(id, failure);
                    }

                    @Override
                    public void testIgnored(Description description) {
                        ignored[0] = true;
                    }
                });
                core.run(Request.method(type, test.getMethodName()));
                Failure failure = failures.get(id);
                String reason = known.get(id);
                if (ignored[0]) {
                    skipped++;
                    System.out.println("SKIP  " + id + " (@Ignore in the reference)");
                } else if (reason != null && failure != null) {
                    differences++;
                    System.out.println("KNOWN " + id + ": " + reason + "\n      (it failed with: " + firstLine(failure) + ")");
                } else if (reason != null) {
                    failed++;
                    System.out.println("FAIL  " + id + ": listed as a known difference but passed; take it off the list");
                } else if (failure != null) {
                    failed++;
                    System.out.println("FAIL  " + id + ": " + firstLine(failure));
                    System.out.println(indent(failure.getTrace()));
                } else {
                    passed++;
                    System.out.println("PASS  " + id);
                }
            }
        }
        for (String id : known.keySet()) {
            if (!seen.contains(id)) {
                failed++;
                System.out.println("FAIL  " + id + ": a known difference of a test that did not run");
            }
        }
        System.out.println("compat[java, reference]: " + passed + " passed, " + failed + " failed, " + differences
                + " known differences, " + skipped + " skipped");
        System.exit(failed > 0 || passed == 0 ? 1 : 0);
    }

    private static void collect(Description d, List<Description> out) {
        if (d.isTest()) {
            out.add(d);
        }
        for (Description child : d.getChildren()) {
            collect(child, out);
        }
    }

    private static String firstLine(Failure f) {
        String m = String.valueOf(f.getException());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String indent(String trace) {
        StringBuilder s = new StringBuilder();
        int lines = 0;
        for (String line : trace.split("\n")) {
            if (lines++ == 12) {
                s.append("        ...\n");
                break;
            }
            s.append("        ").append(line).append('\n');
        }
        return s.toString();
    }
}
