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
 * <p>Without {@link #setSalt}, every token gets a fresh CSPRNG salt; without {@link #setTs}, it
 * expires 24 hours after it was built. The app certificate is kept only in native memory, as a
 * keyed HMAC state; {@link #toString()} shows {@code ***} for it.
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
    /** Reused by buildToken (calls are serialised); grows for tokens with many privileges. */
    private byte[] tokenBuffer = new byte[Native.TOKEN_BUFFER];

    /** A builder for a user account (string uid), used as it is. */
    public SimpleTokenBuilder(String appId, String appCertificate, String channelName, String userAccount) {
        this(Native.builderNewUserAccount(appId, appCertificate, channelName, userAccount));
    }

    /**
     * A builder for a numeric uid; the int's 32 bits are read as an unsigned uid, so
     * {@code (int) 2882341273L} signs "2882341273". 0 means any user (signed as "").
     */
    public SimpleTokenBuilder(String appId, String appCertificate, String channelName, int uid) {
        this(Native.builderNewUid(appId, appCertificate, channelName, Integer.toUnsignedLong(uid)));
    }

    /** A builder for a numeric uid in 0..2^32-1; otherwise category {@code uid}. */
    public SimpleTokenBuilder(String appId, String appCertificate, String channelName, long uid) {
        this(Native.builderNewUid(appId, appCertificate, channelName, uid));
    }

    private SimpleTokenBuilder(long nativeHandle) {
        this.handle = new Handle(nativeHandle);
        this.cleanable = CLEANER.register(this, handle);
    }

    private long live() {
        long h = handle.get();
        if (h == 0) {
            throw new IllegalStateException("SimpleTokenBuilder is closed");
        }
        return h;
    }

    /**
     * Takes salt, ts and privileges from an existing token of the same app, channel and user
     * (the documented signature).
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

    /** Replaces the privileges with the role's, each never expiring (0). Returns true. */
    public synchronized boolean initPrivileges(Role role) {
        if (role == null) {
            throw Native.nullArgument("role");
        }
        try {
            Native.builderInitPrivileges(live(), role.initValue);
            return true;
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Grants a privilege until {@code expireTimestamp} (Unix seconds; 0 = never). The int's
     * 32 bits are read as unsigned, as the reference builder writes them.
     */
    public void setPrivilege(AccessToken.Privileges privilege, int expireTimestamp) {
        setPrivilege(privilege, Integer.toUnsignedLong(expireTimestamp));
    }

    /** Grants a privilege until {@code expireTimestamp} in 0..2^32-1, else category {@code expire_ts}. */
    public synchronized void setPrivilege(AccessToken.Privileges privilege, long expireTimestamp) {
        if (privilege == null) {
            throw Native.nullArgument("privilege");
        }
        try {
            Native.builderSetPrivilege(live(), privilege.id(), expireTimestamp);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Removes a privilege (nothing happens if it is absent). */
    public synchronized void removePrivilege(AccessToken.Privileges privilege) {
        if (privilege == null) {
            throw Native.nullArgument("privilege");
        }
        try {
            Native.builderRemovePrivilege(live(), privilege.id());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** The privileges (id to expiry), sorted by id; a snapshot. */
    public synchronized SortedMap<Integer, Long> getPrivileges() {
        long[] flat;
        try {
            flat = Native.builderPrivileges(live());
        } finally {
            Reference.reachabilityFence(this);
        }
        TreeMap<Integer, Long> map = new TreeMap<>();
        for (int i = 0; i + 1 < flat.length; i += 2) {
            map.put((int) flat[i], flat[i + 1]);
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /** Fixes the salt (0..2^32-1, else category {@code salt}), for reproducible tokens. */
    public synchronized void setSalt(long salt) {
        try {
            Native.builderSetSalt(live(), salt);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Back to a fresh CSPRNG salt for every token (the default). */
    public synchronized void clearSalt() {
        try {
            Native.builderClearSalt(live());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** The fixed salt, or empty when every token draws its own. */
    public synchronized OptionalLong getSalt() {
        try {
            long salt = Native.builderGetSalt(live());
            return salt < 0 ? OptionalLong.empty() : OptionalLong.of(salt);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Fixes the token expiry (Unix seconds, 0..2^32-1, else category {@code ts}). */
    public synchronized void setTs(long ts) {
        try {
            Native.builderSetTs(live(), ts);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Back to "24 hours after each build" (the default). */
    public synchronized void clearTs() {
        try {
            Native.builderClearTs(live());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** The fixed token expiry, or empty for "24 hours after each build". */
    public synchronized OptionalLong getTs() {
        try {
            long ts = Native.builderGetTs(live());
            return ts < 0 ? OptionalLong.empty() : OptionalLong.of(ts);
        } finally {
            Reference.reachabilityFence(this);
        }
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

    /** App id, channel, uid, salt, ts and privileges; the certificate shows as {@code ***}. */
    @Override
    public synchronized String toString() {
        long h = handle.get();
        if (h == 0) {
            return "SimpleTokenBuilder { closed }";
        }
        try {
            return Native.builderDescribe(h);
        } finally {
            Reference.reachabilityFence(this);
        }
    }
}
