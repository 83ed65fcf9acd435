package io.agora.media;

import io.agora.media.AccessToken2.Service;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Every field of a 007 token, from {@link AccessToken2#parseToken} or {@link AnyToken#parse}.
 * Immutable; {@link #getServices()} gives fresh service objects at each call (in token order,
 * privileges and RTM2 permissions in token order too), which may be added to a new
 * {@link AccessToken2}.
 */
public final class ParsedToken2 implements AnyToken {
    private final String token;
    private final String appId;
    private final byte[] signature;
    private final long[] ints;
    private final String[] strings;
    private final byte[] content;

    /** From the native parse: {@code ints} is {@code [7, issueTs, expire, salt, count, services*]} (see {@link Wire}). */
    ParsedToken2(String token, String appId, byte[] signature, long[] ints, String[] strings, byte[] content) {
        this.token = token;
        this.appId = appId;
        this.signature = signature;
        this.ints = ints;
        this.strings = strings;
        this.content = content;
    }

    /** {@code "007"}. */
    @Override
    public String getVersion() {
        return "007";
    }

    /** The app id (32 hexadecimal characters, case kept). */
    @Override
    public String getAppId() {
        return appId;
    }

    /** When the token was made, Unix seconds. */
    public long getIssueTs() {
        return ints[1];
    }

    /** Seconds after issue_ts until the token expires. */
    public long getExpire() {
        return ints[2];
    }

    /** When the token expires, Unix seconds: {@code issueTs + expire} (may pass 2^32-1). */
    public long getExpiresAt() {
        return getIssueTs() + getExpire();
    }

    public long getSalt() {
        return ints[3];
    }

    /** A copy of the HMAC-SHA256 signature. */
    public byte[] getSignature() {
        return signature.clone();
    }

    /** The signature as lowercase hex. */
    public String getSignatureHex() {
        return HexFormat.of().formatHex(signature);
    }

    /** A copy of the decompressed content (signature string, then the signed bytes). */
    public byte[] getContent() {
        return content.clone();
    }

    /** The services, in token order (fresh objects at each call). */
    public List<Service> getServices() {
        return Collections.unmodifiableList(new Wire.Reader(ints, strings, 5).services((int) ints[4]));
    }

    /** Whether the token is signed with {@code appCertificate} (expiry is not checked; {@link AccessToken2#verify} checks both). */
    public boolean verifySignature(String appCertificate) {
        return signatureOk(token, appCertificate, getIssueTs());
    }

    /** The signature check alone: verify at {@code now = issueTs}, which no token has expired at. */
    static boolean signatureOk(String token, String appCertificate, long issueTs) {
        return AccessToken2.verify(token, appCertificate, issueTs) == VerifyResult.OK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedToken2 && Arrays.equals(content, ((ParsedToken2) o).content);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(content);
    }

    /** e.g. {@code ParsedToken2[appId=..., issueTs=..., expire=600, salt=1, signature=..., services=[ServiceRtc[...]]]}. */
    @Override
    public String toString() {
        return "ParsedToken2[appId=" + appId + ", issueTs=" + getIssueTs() + ", expire=" + getExpire() + ", salt="
                + getSalt() + ", signature=" + getSignatureHex() + ", services=" + getServices() + "]";
    }
}
