package io.agora.media;

import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every field of a 006 token, from {@link AccessToken#parse}. Immutable. */
public final class ParsedToken {
    private final String appId;
    private final byte[] signature;
    private final long crcChannelName;
    private final long crcUid;
    private final long salt;
    private final long ts;
    private final SortedMap<Integer, Long> privileges;

    /** Created by the native library. */
    ParsedToken(String appId, byte[] signature, long crcChannelName, long crcUid, long salt, long ts,
            int[] privilegeIds, long[] privilegeExpires) {
        this.appId = appId;
        this.signature = signature.clone();
        this.crcChannelName = crcChannelName;
        this.crcUid = crcUid;
        this.salt = salt;
        this.ts = ts;
        TreeMap<Integer, Long> map = new TreeMap<>();
        for (int i = 0; i < privilegeIds.length; i++) {
            map.put(privilegeIds[i], privilegeExpires[i]);
        }
        this.privileges = Collections.unmodifiableSortedMap(map);
    }

    /** The 32-character app id, as written in the token. */
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
