package io.agora.media;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds AccessToken 006 tokens for one app, channel and user, byte for byte like Agora's
 * reference builders.
 *
 * <p>Invalid input throws {@link AgoraTokenException} (an {@link IllegalArgumentException})
 * carrying the category; null arguments throw it with category {@code null_argument}.
 *
 * <p>Times are Unix times in seconds (006; the 007 builders take seconds from now). Without
 * {@link #setSalt}, every token gets a fresh CSPRNG salt; without {@link #setTs}, it expires 24
 * hours after it was built (the lifetime rule of Agora's builders): privileges expire when you
 * say, the token itself after 24 hours, and a privilege that outlives its token is cut short by
 * it. The app certificate is kept only in native memory, as a keyed HMAC state;
 * {@link #toString()} shows {@code ***} for it. Rules and tables (roles, privileges, field
 * checks) are token-core's: README "The 006 format in brief".
 *
 * <p>A builder owns a native handle: release it with {@link #close()} (try-with-resources); a
 * {@link Cleaner} releases a forgotten one after garbage collection. Calls on one builder are
 * serialised, so a builder may be shared between threads; for throughput give each thread its
 * own. Any call after {@code close()} throws {@link IllegalStateException}.
 */
public final class SimpleTokenBuilder implements AutoCloseable {
    /** The roles of {@link #initPrivileges(Role)}, as the reference builder names them. */
    public enum Role {
        Role_Attendee(0),
        Role_Publisher(1),
        Role_Subscriber(2),
        Role_Admin(101);

        /** The role's numeric value (the reference builder's field). */
        public final int initValue;

        Role(int initValue) {
            this.initValue = initValue;
        }
    }

    static final Cleaner CLEANER = Cleaner.create();

    /** Owns the native handle; the Cleaner's action, so it must not refer to the builder. */
    private static final class Handle implements Runnable {
        private volatile long value;

        Handle(long value) {
            this.value = value;
        }

        @Override
        public synchronized void run() {
            long h = value;
            value = 0;
            if (h != 0) {
                Native.builderFree(h);
            }
        }

        long get() {
            return value;
        }
    }

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    /** For {@link #toString()}: the app id, channel and user (never the certificate). */
    private final String appId;
    private final String channelName;
    private final String user;
    /** Reused by buildToken (calls are serialised); grows for tokens with many privileges. */
    private byte[] tokenBuffer = new byte[Native.TOKEN_BUFFER];

    /** A builder for a user account (string uid), used as it is. */
    public SimpleTokenBuilder(String appId, String appCertificate, String channelName, String userAccount) {
        this(Native.builderNew(appId, appCertificate, channelName, notNull(userAccount, "userAccount"), 0), appId,
                channelName, "userAccount=" + userAccount);
    }

    /**
     * A builder for a numeric uid; the int's 32 bits are read as an unsigned uid, so
     * {@code (int) 2882341273L} signs "2882341273". 0 means any user (signed as "").
     */
    public SimpleTokenBuilder(String appId, String appCertificate, String channelName, int uid) {
        this(appId, appCertificate, channelName, Integer.toUnsignedLong(uid));
    }

    /**
     * A builder for a numeric uid in 0..2^32-1; otherwise category {@code uid} (whose message
     * says when a negative value may be the signed view of an unsigned uid).
     */
    public SimpleTokenBuilder(String appId, String appCertificate, String channelName, long uid) {
        this(Native.builderNew(appId, appCertificate, channelName, null, uid), appId, channelName, "uid=" + uid);
    }

    private SimpleTokenBuilder(long nativeHandle, String appId, String channelName, String user) {
        this.handle = new Handle(nativeHandle);
        this.cleanable = CLEANER.register(this, handle);
        this.appId = appId;
        this.channelName = channelName;
        this.user = user;
    }

    private static String notNull(String value, String field) {
        if (value == null) {
            throw Native.nullArgument(field);
        }
        return value;
    }

    private long live() {
        long h = handle.get();
        if (h == 0) {
            throw new IllegalStateException("SimpleTokenBuilder is closed");
        }
        return h;
    }

    /**
     * Renewal: takes the privileges of an existing token of the same app, channel and user, as
     * Agora's {@code SimpleTokenBuilder} documents; salt and ts are not taken (drawn afresh at
     * each build unless set), so the renewed token lives again. Then set the privileges to extend
     * and build. The token's signature is not checked: use {@link AccessToken#verify} for that.
     *
     * @return {@code true}, or {@code false} when the token is malformed or belongs to another
     *     app, channel or user; the builder is then unchanged. {@link #initFromToken} does the
     *     same and throws the reason instead.
     * @throws AgoraTokenException {@code null_argument} when {@code originToken} is null
     */
    public synchronized boolean initTokenBuilder(String originToken) {
        if (originToken == null) {
            throw Native.nullArgument("originToken");
        }
        try {
            initFromToken(originToken);
            return true;
        } catch (AgoraTokenException e) {
            return false;
        }
    }

    /**
     * {@link #initTokenBuilder} that says why: throws with category {@code version},
     * {@code app_id}, {@code base64}, {@code truncated}, {@code trailing},
     * {@code app_id_mismatch}, {@code channel_mismatch} or {@code uid_mismatch} when the token
     * cannot be used; the builder is then unchanged.
     */
    public synchronized void initFromToken(String originToken) {
        try {
            Native.builderInitTokenBuilder(live(), originToken);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** One change through the native builder, serialised with every other call. */
    private synchronized void set(int what, int id, long value) {
        try {
            Native.builderSet(live(), what, id, value);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** {@code [salt, ts, id0, expire0, ...]}, salt and ts -1 when drawn at each build. */
    private synchronized long[] state() {
        try {
            return Native.builderState(live());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Replaces the privileges with the role's, each never expiring (0). Returns true. */
    public boolean initPrivileges(Role role) {
        if (role == null) {
            throw Native.nullArgument("role");
        }
        set(Native.INIT_PRIVILEGES, role.initValue, 0);
        return true;
    }

    /**
     * Grants a privilege until {@code expireTimestamp} (Unix seconds; 0 = never). The int's
     * 32 bits are read as unsigned, as the reference builder writes them.
     */
    public void setPrivilege(AccessToken.Privileges privilege, int expireTimestamp) {
        setPrivilege(privilege, Integer.toUnsignedLong(expireTimestamp));
    }

    /** Grants a privilege until {@code expireTimestamp} in 0..2^32-1, else category {@code expire_ts}. */
    public void setPrivilege(AccessToken.Privileges privilege, long expireTimestamp) {
        if (privilege == null) {
            throw Native.nullArgument("privilege");
        }
        set(Native.SET_PRIVILEGE, privilege.id(), expireTimestamp);
    }

    /** Removes a privilege (nothing happens if it is absent). */
    public void removePrivilege(AccessToken.Privileges privilege) {
        if (privilege == null) {
            throw Native.nullArgument("privilege");
        }
        set(Native.REMOVE_PRIVILEGE, privilege.id(), 0);
    }

    /** The privileges (id to expiry), sorted by id; a snapshot. */
    public SortedMap<Integer, Long> getPrivileges() {
        return privileges(state());
    }

    private static SortedMap<Integer, Long> privileges(long[] state) {
        TreeMap<Integer, Long> map = new TreeMap<>();
        for (int i = 2; i + 1 < state.length; i += 2) {
            map.put((int) state[i], state[i + 1]);
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /** Fixes the salt (0..2^32-1, else category {@code salt}), for reproducible tokens. */
    public void setSalt(long salt) {
        set(Native.SET_SALT, 0, salt == Native.NONE ? -1 : salt);
    }

    /** Back to a fresh CSPRNG salt for every token (the default). */
    public void clearSalt() {
        set(Native.SET_SALT, 0, Native.NONE);
    }

    /** The fixed salt, or empty when every token draws its own. */
    public OptionalLong getSalt() {
        return fixed(state()[0]);
    }

    private static OptionalLong fixed(long value) {
        return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Fixes the token expiry (Unix seconds, 0..2^32-1, else category {@code ts}). */
    public void setTs(long ts) {
        set(Native.SET_TS, 0, ts == Native.NONE ? -1 : ts);
    }

    /** Back to "24 hours after each build" (the default). */
    public void clearTs() {
        set(Native.SET_TS, 0, Native.NONE);
    }

    /** The fixed token expiry, or empty for "24 hours after each build". */
    public OptionalLong getTs() {
        return fixed(state()[1]);
    }

    /** Builds the token ("006" + app id + base64 content). */
    public synchronized String buildToken() {
        try {
            long h = live();
            byte[] buffer = tokenBuffer;
            int n = Native.builderBuildToken(h, buffer, buffer.length);
            if (n < 0) { // more privileges than the buffer holds: grow it to the size needed
                buffer = new byte[-n];
                n = Native.builderBuildToken(h, buffer, buffer.length);
                if (n < 0) {
                    throw new IllegalStateException("agoratoken: the token grew between two builds");
                }
                tokenBuffer = buffer;
            }
            return new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Releases the native handle; a second call does nothing. */
    @Override
    public synchronized void close() {
        cleanable.clean();
    }

    /**
     * App id, channel, user, salt, ts and privileges, in Java's notation; the certificate shows as
     * {@code ***}. For example {@code SimpleTokenBuilder[appId=970C..., appCertificate=***,
     * channelName=room-1, uid=42, salt=fresh per token, ts=now + 24 h, privileges={1=0}]}.
     */
    @Override
    public synchronized String toString() {
        if (handle.get() == 0) {
            return "SimpleTokenBuilder[closed]";
        }
        long[] state = state();
        return "SimpleTokenBuilder[appId=" + appId + ", appCertificate=***, channelName=" + channelName + ", " + user
                + ", salt=" + (state[0] < 0 ? "fresh per token" : state[0])
                + ", ts=" + (state[1] < 0 ? "now + 24 h" : state[1]) + ", privileges=" + privileges(state) + "]";
    }
}
