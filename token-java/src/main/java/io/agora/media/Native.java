package io.agora.media;

import java.nio.charset.StandardCharsets;

/**
 * The native methods, implemented by the Rust library {@code agoratoken_java}
 * (token-java/src/*.rs). Every failure is thrown from native code as an
 * {@link AgoraTokenException}; a method then returns 0 or null, which callers
 * never see because the exception is pending.
 *
 * <p>Handles come from {@link #builderNew} and are freed once by {@link #builderFree}.
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

    /** An absent integer: an unpinned issue_ts or salt, a cleared salt or ts, a service without uid or role. */
    static final long NONE = Long.MIN_VALUE;

    /** A null RTC role for {@link #build006}: token-core's JOIN_ONLY (RTM: any role is accepted and ignored). */
    static final int NULL_ROLE = Integer.MIN_VALUE;

    /** Room for any 006 token of up to 26 privileges; longer ones are retried with the size needed. */
    static final int TOKEN_BUFFER = 320;

    static native String version();

    /** {@link #defaults()}'s indices. */
    static final int DEFAULT_ISSUE_TS = 0;
    static final int DEFAULT_SALT_007 = 1;
    static final int DEFAULT_TS_006 = 2;
    static final int DEFAULT_SALT_006 = 3;

    /**
     * The values token-core draws when a token does not fix them, drawn now: {@code [now (Unix
     * seconds, a 007 issue_ts), a fresh 007 salt (1..99999999), the 006 ts (now + 24 h), a fresh
     * 006 salt (any u32)]}. For the reference classes, whose constructors draw them (Agora's).
     */
    static native long[] defaults();

    /** The exception for a null argument that the Java side checks itself. */
    static native AgoraTokenException nullArgument(String field);

    /** {@code table(which)}'s numbers: see {@link #table}. */
    static final int TABLE_RECIPES = 0;
    static final int TABLE_RECIPE_PARAMS = 1;
    static final int TABLE_SERVICES = 2;
    static final int TABLE_RTM2 = 3;
    static final int TABLE_VERIFY_RESULTS = 4;
    static final int TABLE_PRIVILEGES_006 = 5;
    static final int TABLE_ROLES_006 = 6;
    static final int TABLE_ERRORS = 7;

    /**
     * One of the core's tables as text: builders' python3 names by index; their parameters
     * ({@code name:kind[=default]}, comma-separated); 007 services ({@code id ClassName
     * id:privilege ...}); RTM2 names ({@code resource 0 kMessageChannels}); verify results by
     * value; 006 privileges ({@code id name}); 006 roles ({@code value id id ...}); error
     * categories ({@code code name}).
     */
    static native String[] table(int which);

    /**
     * Panics in native code on purpose (tests: a panic must become an {@code internal}
     * exception), through the general helper or, with {@code raw}, the hot path's.
     */
    static native int selfTestPanic(boolean raw);

    // ---------------------------------------------------------------- 006

    /** Builders created and not yet freed, for leak tests. */
    static native long liveBuilders();

    /** A builder for {@code userAccount}, or for the numeric {@code uid} when it is null. */
    static native long builderNew(String appId, String appCertificate, String channelName, String userAccount, long uid);

    static native void builderFree(long handle);

    static native void builderInitTokenBuilder(long handle, String originToken);

    /** {@link #builderSet}'s changes. */
    static final int SET_PRIVILEGE = 0;
    static final int REMOVE_PRIVILEGE = 1;
    static final int INIT_PRIVILEGES = 2;
    static final int SET_SALT = 3;
    static final int SET_TS = 4;

    /**
     * One change: privilege {@code id} until {@code value}; remove privilege {@code id}; the
     * privileges of role {@code id}; the salt or ts {@code value} ({@link #NONE}: drawn at each build).
     */
    static native void builderSet(long handle, int what, int id, long value);

    /** {@code [salt, ts, id0, expire0, id1, expire1, ...]}: salt and ts -1 when drawn at each build. */
    static native long[] builderState(long handle);

    /**
     * Writes the token's ASCII bytes into {@code out}, whose length the caller passes as
     * {@code capacity} (it saves the JNI call that would ask): see {@link #oneShot006}.
     * A capacity above {@code out.length} makes the JVM throw ArrayIndexOutOfBoundsException, never
     * write past the array.
     */
    static native int builderBuildToken(long handle, byte[] out, int capacity);

    /**
     * RtcTokenBuilder's one-shot build (for {@code account}, or the numeric {@code uid} when it is
     * null), or with {@code rtm} RtmTokenBuilder's (the account in {@code channelName}); the token
     * into {@code out}, as {@link #builderBuildToken}.
     */
    static native int build006(boolean rtm, String appId, String appCertificate, String channelName, String account,
            long uid, int role, long privilegeTs, byte[] out, int capacity);

    /**
     * {@link #build006} into a fresh buffer (retried with the size needed), as a String. No
     * lambda and no thread-local: the one-shot helpers' whole Java side is this call.
     */
    static String oneShot006(boolean rtm, String appId, String appCertificate, String channelName, String account,
            long uid, int role, long privilegeTs) {
        byte[] out = new byte[TOKEN_BUFFER];
        int n = build006(rtm, appId, appCertificate, channelName, account, uid, role, privilegeTs, out, out.length);
        if (n < 0) {
            out = new byte[-n];
            n = build006(rtm, appId, appCertificate, channelName, account, uid, role, privilegeTs, out, out.length);
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- 007

    /** {@link #build007}'s recipe number for a token described as data. */
    static final int DATA = -1;

    /**
     * Builds with builder {@code recipe} of the core's table (its arguments in {@code strings} and
     * {@code ints}, in parameter order), or for {@link #DATA} the token described by {@code
     * strings} and {@code ints} (see {@link Wire}); issue_ts and salt pinned unless {@link #NONE}.
     * The token into {@code out}: its length, or minus the length needed.
     */
    static native int build007(int recipe, String appId, String appCertificate, String[] strings, long[] ints,
            long issueTs, long salt, byte[] out);

    // ---------------------------------------------------------------- reading, either format

    /** {@link #parse} and {@link #verify}'s formats. */
    static final int ANY = 0;
    static final int V006 = 6;
    static final int V007 = 7;
    /** 007 read as Agora's readers read: up to the first service of a type without a class (token-core's lenient parse/verify). */
    static final int V007_LENIENT = 8;

    /**
     * {@code {String appId, byte[] signature, long[] ints, String[] strings, byte[] content}};
     * {@code ints[0]} is the format read (see {@link ParsedToken} and {@link Wire}).
     */
    static native Object[] parse(int format, String token);

    /**
     * A {@link VerifyResult} value. {@code appId}, {@code channelName} (an RTC check, for {@code
     * account} or else {@code uid}) and {@code rtmUserId} (an RTM check) may be null.
     */
    static native int verify(int format, String token, String appId, String appCertificate, String channelName,
            String account, long uid, String rtmUserId, long now);
}
