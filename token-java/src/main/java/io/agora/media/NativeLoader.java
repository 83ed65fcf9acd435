package io.agora.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Loads the native library, in this order:
 * <ol>
 *   <li>{@code System.loadLibrary("agoratoken_java")}, i.e. from {@code java.library.path};</li>
 *   <li>an explicit file: the system property {@value #PATH_PROPERTY}, else the environment
 *       variable {@value #PATH_ENV};</li>
 *   <li>the copy packed in the jar, extracted to a temporary file.</li>
 * </ol>
 * An explicit path that cannot be loaded is an error (no silent fallback to the jar).
 * The loaded library's version must equal the Java classes' version.
 */
final class NativeLoader {
    static final String LIBRARY = "agoratoken_java";
    static final String PATH_PROPERTY = "agoratoken.library.path";
    static final String PATH_ENV = "AGORATOKEN_JAVA_LIBRARY";

    private static volatile String loadedFrom;

    private NativeLoader() {}

    /** Where the library came from: "java.library.path", "explicit: /path" or "jar: /resource". */
    static String loadedFrom() {
        Native.ensureLoaded();
        return loadedFrom;
    }

    static String loadedFromRaw() {
        return loadedFrom;
    }

    /** The resource path of the library inside the jar for this platform. */
    static String resourcePath() {
        return "/io/agora/media/native/" + platform() + "/" + System.mapLibraryName(LIBRARY);
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            os = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            os = "macos";
        } else if (os.startsWith("windows")) {
            os = "windows";
        }
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            arch = "x86_64";
        } else if (arch.equals("arm64") || arch.equals("aarch64")) {
            arch = "aarch64";
        }
        return os + "-" + arch;
    }

    /** The version of the Java classes (from the filtered agoratoken.properties), or null. */
    static String javaVersion() {
        try (InputStream in = NativeLoader.class.getResourceAsStream("agoratoken.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    static synchronized void load() {
        if (loadedFrom != null) {
            return;
        }
        List<String> tried = new ArrayList<>();
        try {
            System.loadLibrary(LIBRARY);
            loadedFrom = "java.library.path";
            return;
        } catch (UnsatisfiedLinkError e) {
            tried.add("java.library.path: " + e.getMessage());
        }

        String explicit = System.getProperty(PATH_PROPERTY);
        String source = "system property " + PATH_PROPERTY;
        if (explicit == null || explicit.isEmpty()) {
            explicit = System.getenv(PATH_ENV);
            source = "environment variable " + PATH_ENV;
        }
        if (explicit != null && !explicit.isEmpty()) {
            String path = Path.of(explicit).toAbsolutePath().toString();
            try {
                System.load(path);
                loadedFrom = "explicit: " + path;
                return;
            } catch (UnsatisfiedLinkError e) {
                throw new UnsatisfiedLinkError(
                        "agoratoken: cannot load the library named by the " + source + " (" + path + "): "
                                + e.getMessage());
            }
        }

        String resource = resourcePath();
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                tried.add("jar: no resource " + resource);
                throw new UnsatisfiedLinkError("agoratoken: native library not found; tried " + String.join("; ", tried)
                        + ". Set -D" + PATH_PROPERTY + "=/path/to/" + System.mapLibraryName(LIBRARY) + " or "
                        + PATH_ENV + ".");
            }
            String name = System.mapLibraryName(LIBRARY);
            int dot = name.lastIndexOf('.');
            Path tmp = Files.createTempFile(name.substring(0, dot) + "-", name.substring(dot));
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                System.load(tmp.toAbsolutePath().toString());
                loadedFrom = "jar: " + resource;
            } finally {
                // A loaded library stays mapped after its file is gone (POSIX); elsewhere delete at exit.
                try {
                    Files.delete(tmp);
                } catch (IOException e) {
                    tmp.toFile().deleteOnExit();
                }
            }
        } catch (IOException e) {
            throw new UnsatisfiedLinkError("agoratoken: cannot extract " + resource + ": " + e.getMessage());
        }
    }
}
