package io.agora.media;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

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

    /**
     * Serialises every call on this builder (through {@link #BUSY}): 0 free, 1 taken. Taken with
     * one compare-and-set and given back with a release store, where a monitor's exit is a second
     * atomic instruction (about 10 ns of a 250 ns {@link #buildToken}). A thread that finds it
     * taken spins, then yields, then parks for growing intervals of at most 50 µs (no wake-up to
     * miss: holders keep it for one native call of a few microseconds at most). Not reentrant: no
     * method calls another while holding it.
     *
     * <p>Shared builders (2 cores, buildToken in a loop): 2 threads make 3.8 M tokens/s (3.0 M
     * with a monitor), 8 threads 3.05 M (3.7 M with a monitor); one builder per thread has no
     * contention at all.
     */
    private volatile int busy;

    private static final VarHandle BUSY;

    static {
        try {
            BUSY = MethodHandles.lookup().findVarHandle(SimpleTokenBuilder.class, "busy", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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

    private void lock() {
        if (!BUSY.compareAndSet(this, 0, 1)) {
            lockContended();
        }
    }

    private void lockContended() {
        for (int i = 0; ; i++) {
            if ((int) BUSY.getOpaque(this) == 0 && BUSY.compareAndSet(this, 0, 1)) {
                return;
            }
            if (i < 64) {
                Thread.onSpinWait();
            } else if (i < 128) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(Math.min(1_000L << Math.min(i - 128, 6), 50_000L));
            }
        }
    }

    private void unlock() {
        BUSY.setRelease(this, 0);
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
    public boolean initTokenBuilder(String originToken) {
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
    public void initFromToken(String originToken) {
        lock();
        try {
            Native.builderInitTokenBuilder(live(), originToken);
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** Replaces the privileges with the role's, each never expiring (0). Returns true. */
    public boolean initPrivileges(Role role) {
        if (role == null) {
            throw Native.nullArgument("role");
        }
        lock();
        try {
            Native.builderInitPrivileges(live(), role.initValue);
            return true;
        } finally {
            unlock();
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
    public void setPrivilege(AccessToken.Privileges privilege, long expireTimestamp) {
        if (privilege == null) {
            throw Native.nullArgument("privilege");
        }
        lock();
        try {
            Native.builderSetPrivilege(live(), privilege.id(), expireTimestamp);
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** Removes a privilege (nothing happens if it is absent). */
    public void removePrivilege(AccessToken.Privileges privilege) {
        if (privilege == null) {
            throw Native.nullArgument("privilege");
        }
        lock();
        try {
            Native.builderRemovePrivilege(live(), privilege.id());
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** The privileges (id to expiry), sorted by id; a snapshot. */
    public SortedMap<Integer, Long> getPrivileges() {
        long[] flat;
        lock();
        try {
            flat = Native.builderPrivileges(live());
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
        TreeMap<Integer, Long> map = new TreeMap<>();
        for (int i = 0; i + 1 < flat.length; i += 2) {
            map.put((int) flat[i], flat[i + 1]);
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /** Fixes the salt (0..2^32-1, else category {@code salt}), for reproducible tokens. */
    public void setSalt(long salt) {
        lock();
        try {
            Native.builderSetSalt(live(), salt);
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** Back to a fresh CSPRNG salt for every token (the default). */
    public void clearSalt() {
        lock();
        try {
            Native.builderClearSalt(live());
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** The fixed salt, or empty when every token draws its own. */
    public OptionalLong getSalt() {
        lock();
        try {
            long salt = Native.builderGetSalt(live());
            return salt < 0 ? OptionalLong.empty() : OptionalLong.of(salt);
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** Fixes the token expiry (Unix seconds, 0..2^32-1, else category {@code ts}). */
    public void setTs(long ts) {
        lock();
        try {
            Native.builderSetTs(live(), ts);
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** Back to "24 hours after each build" (the default). */
    public void clearTs() {
        lock();
        try {
            Native.builderClearTs(live());
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** The fixed token expiry, or empty for "24 hours after each build". */
    public OptionalLong getTs() {
        lock();
        try {
            long ts = Native.builderGetTs(live());
            return ts < 0 ? OptionalLong.empty() : OptionalLong.of(ts);
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** Builds the token ("006" + app id + base64 content). */
    public String buildToken() {
        lock();
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
            unlock();
            Reference.reachabilityFence(this);
        }
    }

    /** Releases the native handle; a second call does nothing. */
    @Override
    public void close() {
        lock();
        try {
            cleanable.clean();
        } finally {
            unlock();
        }
    }

    /** App id, channel, uid, salt, ts and privileges; the certificate shows as {@code ***}. */
    @Override
    public String toString() {
        lock();
        try {
            long h = handle.get();
            return h == 0 ? "SimpleTokenBuilder { closed }" : Native.builderDescribe(h);
        } finally {
            unlock();
            Reference.reachabilityFence(this);
        }
    }
}
