package io.agora.media;

/**
 * Invalid input: thrown by every method of this package, never the JVM's crash.
 *
 * <p>{@link #getCategory()} is the project-wide category name ({@code "channel_name"},
 * {@code "app_certificate"}, {@code "null_argument"}, ...) and {@link #getCode()} its negative
 * code; both come from the native core's one error table. The message names the field and never
 * contains the app certificate.
 */
public class AgoraTokenException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String category;
    private final int code;

    /** Created by the native library (and by tests); {@code code} is the category's negative code. */
    AgoraTokenException(String category, int code, String message) {
        super(message);
        this.category = category;
        this.code = code;
    }

    /** The category name, e.g. {@code "channel_name"}; equal to the conformance vectors' names. */
    public String getCategory() {
        return category;
    }

    /** The category's negative code, e.g. -3 for {@code channel_name} (the C ABI's status). */
    public int getCode() {
        return code;
    }
}
