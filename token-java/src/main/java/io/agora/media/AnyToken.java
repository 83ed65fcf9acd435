package io.agora.media;

/**
 * A parsed token of either format, for callers who do not know which they hold: a
 * {@link ParsedToken} (AccessToken, "006") or a {@link ParsedToken2} (AccessToken2, "007").
 *
 * <pre>{@code
 * AnyToken t = AnyToken.parse(token);
 * if (t instanceof ParsedToken2 t2) { t2.getServices(); } else { ((ParsedToken) t).getPrivileges(); }
 * }</pre>
 */
public sealed interface AnyToken permits ParsedToken, ParsedToken2 {
    /** {@code "006"} or {@code "007"}. */
    String getVersion();

    /** The app id the token carries (32 hexadecimal digits, case kept). */
    String getAppId();

    /**
     * Parses a token of either format by its version prefix (token-core's {@code parse_any});
     * throws {@link AgoraTokenException} with the category of the first defect and a diagnosis
     * of a damaged token, as {@link AccessToken#parse} and {@link AccessToken2#parseToken} do.
     */
    static AnyToken parse(String token) {
        return Wire.parsed(Native.parse(Native.ANY, token), token);
    }

    /**
     * Checks a token of either format for a channel and numeric uid (0..2^32-1) at {@code now}
     * (Unix seconds): the 006 rules, or the 007 rules with an RTC check (token-core's {@code
     * verify_any}). A uid-0 token admits any uid, in both formats.
     */
    static VerifyResult verify(String token, String appCertificate, String channelName, long uid, long now) {
        return VerifyResult.fromValue(
                Native.verify(Native.ANY, token, null, appCertificate, channelName, null, uid, null, now));
    }

    /** As {@link #verify(String, String, String, long, long)} for a user account. */
    static VerifyResult verify(String token, String appCertificate, String channelName, String account, long now) {
        if (account == null) {
            throw Native.nullArgument("account");
        }
        return VerifyResult.fromValue(
                Native.verify(Native.ANY, token, null, appCertificate, channelName, account, 0, null, now));
    }
}
