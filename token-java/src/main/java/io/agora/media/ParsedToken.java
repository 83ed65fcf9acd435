package io.agora.media;

import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every field of a 006 token, from {@link AccessToken#parse} or {@link AnyToken#parse}. Immutable. */
public final class ParsedToken implements AnyToken {
    private final String appId;
    private final byte[] signature;
    private final long crcChannelName;
    private final long crcUid;
    private final long salt;
    private final long ts;
    private final SortedMap<Integer, Long> privileges;

    /** From the native parse: {@code ints} is {@code [6, crcChannelName, crcUid, salt, ts, (id, expire)*]}. */
    ParsedToken(String appId, byte[] signature, long[] ints) {
        this.appId = appId;
        this.signature = signature.clone();
        this.crcChannelName = ints[1];
        this.crcUid = ints[2];
        this.salt = ints[3];
        this.ts = ints[4];
        TreeMap<Integer, Long> map = new TreeMap<>();
        for (int i = 5; i + 1 < ints.length; i += 2) {
            map.put((int) ints[i], ints[i + 1]);
        }
        this.privileges = Collections.unmodifiableSortedMap(map);
    }

    /** {@code "006"}. */
    @Override
    public String getVersion() {
        return "006";
    }

    /** The 32-character app id, as written in the token. */
    @Override
    public String getAppId() {
        return appId;
    }

    /** A copy of the HMAC-SHA256 signature bytes. */
    public byte[] getSignature() {
        return signature.clone();
    }

    /** The signature as lowercase hex. */
    public String getSignatureHex() {
        return HexFormat.of().formatHex(signature);
    }

    /** CRC32 of the channel name, 0..2^32-1. */
    public long getCrcChannelName() {
        return crcChannelName;
    }

    /** CRC32 of the uid string, 0..2^32-1. */
    public long getCrcUid() {
        return crcUid;
    }

    public long getSalt() {
        return salt;
    }

    /** The token's expiry, Unix seconds. */
    public long getTs() {
        return ts;
    }

    /** Privilege id to expiry (0 = never), sorted by id; ids no builder defines are kept too. */
    public SortedMap<Integer, Long> getPrivileges() {
        return privileges;
    }

    /** The expiry of a privilege, if the token holds it. */
    public OptionalLong getPrivilege(AccessToken.Privileges privilege) {
        if (privilege == null) {
            throw Native.nullArgument("privilege");
        }
        Long expire = privileges.get(privilege.id());
        return expire == null ? OptionalLong.empty() : OptionalLong.of(expire);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParsedToken)) {
            return false;
        }
        ParsedToken t = (ParsedToken) o;
        return appId.equals(t.appId) && Arrays.equals(signature, t.signature) && crcChannelName == t.crcChannelName
                && crcUid == t.crcUid && salt == t.salt && ts == t.ts && privileges.equals(t.privileges);
    }

    @Override
    public int hashCode() {
        return appId.hashCode() * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "ParsedToken[appId=" + appId + ", signature=" + getSignatureHex() + ", crcChannelName="
                + crcChannelName + ", crcUid=" + crcUid + ", salt=" + salt + ", ts=" + ts + ", privileges="
                + privileges + "]";
    }
}
