package io.agora.media;

/**
 * Compile-only stand-in for the reference's packing and crypto helper class {@code Utils}, which
 * this library does not ship (its packing, hashing and checks live in token-core; the issue puts
 * the references' private packing helpers out of scope). It exists so that the reference's test
 * files that name it compile unchanged. Only the constant is real; every method throws, so a test
 * that relies on the helpers fails rather than passing on code of ours.
 */
public final class Utils {
    private Utils() {}

    public static final int VERSION_LENGTH = 3;
    public static final int APP_ID_LENGTH = 32;

    private static UnsupportedOperationException outOfScope(String what) {
        return new UnsupportedOperationException("Utils." + what + ": the reference's packing helpers are out of scope"
                + " (compat stand-in, not part of the agoratoken jar)");
    }

    public static byte[] base64Decode(String data) {
        throw outOfScope("base64Decode");
    }

    public static byte[] decompress(byte[] data) {
        throw outOfScope("decompress");
    }
}
