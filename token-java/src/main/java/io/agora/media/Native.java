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

    /** Room for any token of up to 26 privileges; longer ones are retried with the size needed. */
    static final int TOKEN_BUFFER = 320;

    /** Builds a token into a byte[]: returns its length, or minus the length needed. */
    @FunctionalInterface
    interface TokenWriter {
        int write(byte[] out);
    }

    /**
     * Runs a native token builder that writes the token's ASCII bytes into {@code buffer} (or a
     * larger array when told the length it needs) and makes the String: a Latin-1 String is a
     * plain copy, cheaper than {@code NewStringUTF} or a {@code byte[]} allocated by JNI.
     */
    static String token(byte[] buffer, TokenWriter writer) {
        int n = writer.write(buffer);
        if (n < 0) {
            buffer = new byte[-n];
            n = writer.write(buffer);
            if (n < 0) {
                throw new IllegalStateException("agoratoken: the token grew between two builds");
            }
        }
        return new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Builders created and not yet freed, for leak tests. */
    static native long liveBuilders();

    /** The exception for a null argument that the Java side checks itself. */
    static native AgoraTokenException nullArgument(String field);

    static native String privilegeName(int id);

    /** Panics in native code on purpose (tests: a panic must become an {@code internal} exception). */
    static native void selfTestPanic();

    /** {@link #selfTestPanic} on the path of {@link #builderBuildToken} (a panic while building). */
    static native int selfTestPanicRaw();

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

    /**
     * Writes the token's ASCII bytes into {@code out}, whose length the caller passes as
     * {@code capacity} (it saves the JNI call that would ask): see {@link #token(byte[], TokenWriter)}.
     * A capacity above {@code out.length} makes the JVM throw ArrayIndexOutOfBoundsException, never
     * write past the array.
     */
    static native int builderBuildToken(long handle, byte[] out, int capacity);

    static native String builderDescribe(long handle);

    /** As {@link #builderBuildToken}: the token into {@code out}, whose length is {@code capacity}. */
    static native int rtcBuildTokenWithUid(String appId, String appCertificate, String channelName, long uid,
            int role, long privilegeTs, byte[] out, int capacity);

    /** As {@link #builderBuildToken}: the token into {@code out}, whose length is {@code capacity}. */
    static native int rtcBuildTokenWithUserAccount(String appId, String appCertificate, String channelName,
            String account, int role, long privilegeTs, byte[] out, int capacity);

    static native int rtmBuildToken(
            String appId, String appCertificate, String userAccount, int role, long privilegeTs, byte[] out);

    static native ParsedToken parse(String token);

    static native int verifyUid(
            String token, String appId, String appCertificate, String channelName, long uid, long now);

    static native int verifyUserAccount(
            String token, String appId, String appCertificate, String channelName, String userAccount, long now);
}
