package io.agora.media;

import java.nio.charset.StandardCharsets;

/**
 * The native methods, implemented by the Rust library {@code agoratoken_java}
 * (token-java/src/lib.rs). Every failure is thrown from native code as an
 * {@link AgoraTokenException}; a method then returns 0 or null, which callers
 * never see because the exception is pending.
 *
 * <p>Handles come from {@code builderNew*} and are freed once by {@link #builderFree}.
 * Callers serialise all calls on one handle.
 */
final class Native {
    static {
        NativeLoader.load();
        String classes = NativeLoader.javaVersion();
        String library = version();
        if (classes != null && !classes.equals(library)) {
            throw new UnsatisfiedLinkError("agoratoken: the native library is version " + library
                    + " but the Java classes are " + classes + " (loaded from " + NativeLoader.loadedFromRaw() + ")");
        }
    }

    private Native() {}

    /** Ensures the library is loaded (runs the static initialiser). */
    static void ensureLoaded() {}

    static native String version();

    /**
     * A token from the ASCII bytes the library returns. Tokens cross as {@code byte[]}: a
     * Latin-1 String is a plain copy, cheaper than {@code NewStringUTF}.
     */
    static String token(byte[] ascii) {
        return new String(ascii, StandardCharsets.ISO_8859_1);
    }

    /** Builders created and not yet freed, for leak tests. */
    static native long liveBuilders();

    /** The exception for a null argument that the Java side checks itself. */
    static native AgoraTokenException nullArgument(String field);

    static native String privilegeName(int id);

    /** Panics in native code on purpose (tests: a panic must become an {@code internal} exception). */
    static native void selfTestPanic();

    static native int[] rolePrivileges(int role);

    static native String verifyResultName(int value);

    static native long builderNewUid(String appId, String appCertificate, String channelName, long uid);

    static native long builderNewUserAccount(String appId, String appCertificate, String channelName, String userAccount);

    static native void builderFree(long handle);

    static native void builderInitTokenBuilder(long handle, String originToken);

    static native void builderInitPrivileges(long handle, int role);

    static native void builderSetPrivilege(long handle, int privilege, long expireTimestamp);

    static native void builderRemovePrivilege(long handle, int privilege);

    /** {@code [id0, expire0, id1, expire1, ...]}, sorted by id. */
    static native long[] builderPrivileges(long handle);

    static native void builderSetSalt(long handle, long salt);

    static native void builderClearSalt(long handle);

    /** The salt, or -1 when each token draws its own. */
    static native long builderGetSalt(long handle);

    static native void builderSetTs(long handle, long ts);

    static native void builderClearTs(long handle);

    /** The ts, or -1 for now + 24 h at each build. */
    static native long builderGetTs(long handle);

    /** The token's ASCII bytes (see {@link #token(byte[])}). */
    static native byte[] builderBuildToken(long handle);

    static native String builderDescribe(long handle);

    static native byte[] rtcBuildTokenWithUid(
            String appId, String appCertificate, String channelName, long uid, int role, long privilegeTs);

    static native byte[] rtcBuildTokenWithUserAccount(
            String appId, String appCertificate, String channelName, String account, int role, long privilegeTs);

    static native byte[] rtmBuildToken(String appId, String appCertificate, String userAccount, int role, long privilegeTs);

    static native ParsedToken parse(String token);

    static native int verifyUid(
            String token, String appId, String appCertificate, String channelName, long uid, long now);

    static native int verifyUserAccount(
            String token, String appId, String appCertificate, String channelName, String userAccount, long now);
}
