package io.agora.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every ```java block of token-java/README.md (issue 17: snippets rot). Each block is the
 * body of a method of one class whose static fields are the names the README leaves to the reader
 * (appId, appCertificate, nowSeconds, ...); its imports are hoisted. Any compiler error fails.
 */
class ReadmeTest {
    private static final String FIELDS = "static String appId, appCertificate, token, oldToken;\n"
            + "static long now, nowSeconds, expireTimestamp;\n"
            + "static int uid, privilegeExpiredTs;\n";

    @Test
    void readmeJavaBlocksCompile(@TempDir Path out) throws Exception {
        String readme = Files.readString(Fixtures.root().resolve("token-java/README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?sm)^```java\\n(.*?)^```").matcher(readme);
        Set<String> imports = new LinkedHashSet<>();
        StringBuilder methods = new StringBuilder();
        int n = 0;
        while (m.find()) {
            StringBuilder body = new StringBuilder();
            for (String line : m.group(1).split("\n")) {
                if (line.startsWith("import ")) {
                    imports.add(line);
                } else {
                    body.append(line).append('\n');
                }
            }
            methods.append("static void block").append(++n).append("() throws Exception {\n").append(body).append("}\n");
        }
        assertTrue(n >= 3, "README.md has " + n + " java blocks");
        String source = String.join("\n", imports) + "\n\nclass ReadmeSnippets {\n" + FIELDS + methods + "}\n";

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classes = Path.of(NativeLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///ReadmeSnippets.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter errors = new StringWriter();
        List<String> options = new ArrayList<>(List.of("-classpath", classes, "-d", out.toString(), "-Xlint:none"));
        boolean ok = javac.getTask(errors, null, null, options, null, List.of(file)).call();
        assertEquals("", ok ? "" : errors + "\nas compiled:\n" + source, "README.md's java blocks do not compile");
    }
}
