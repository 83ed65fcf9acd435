package io.agora.rtm;

import io.agora.media.AccessToken2;
import io.agora.media.Recipes;
import java.util.List;

/**
 * RTM tokens in AccessToken2 (007), with the names of Agora's Java {@code RtmTokenBuilder2}: the
 * RTM service (or RTM2, with permissions) for a user id, Login for {@code expire} seconds from
 * now, in a token that lives as long. Invalid input throws {@link
 * io.agora.media.AgoraTokenException} naming the field (a user id is 1..255 bytes; Agora's
 * builder returns {@code ""}: see {@link AccessToken2#orEmpty}). The {@code int} overloads read
 * the int's 32 unsigned bits; the {@code long} ones take 0..2^32-1. Stateless and thread-safe.
 * Check one with {@link AccessToken2#verifyRtm}.
 */
public class RtmTokenBuilder2 {
    /** An RTM login token for {@code userId}, for {@code expire} seconds. */
    public String buildToken(String appId, String appCertificate, String userId, int expire) {
        return buildToken(appId, appCertificate, userId, Integer.toUnsignedLong(expire));
    }

    /** As the int overload; {@code expire} in 0..2^32-1. */
    public String buildToken(String appId, String appCertificate, String userId, long expire) {
        return Recipes.build(Recipes.RTM_BUILD_TOKEN, appId, appCertificate, userId, expire);
    }

    /** An RTM2 token for {@code userId} with these grants (resource and permission types checked by the core). */
    public String buildTokenWithPermissions(String appId, String appCertificate, String userId,
            List<AccessToken2.Permission> permissions, int expire) {
        return buildTokenWithPermissions(appId, appCertificate, userId, permissions, Integer.toUnsignedLong(expire));
    }

    /** As the int overload; {@code expire} in 0..2^32-1. */
    public String buildTokenWithPermissions(String appId, String appCertificate, String userId,
            List<AccessToken2.Permission> permissions, long expire) {
        return Recipes.build(Recipes.RTM_BUILD_TOKEN_WITH_PERMISSIONS, appId, appCertificate, userId, permissions,
                expire);
    }

    /**
     * Agora's signature: an RTM2 token for {@code userId} with the grants in {@code permissions}
     * (null: none), Login for {@code expire} seconds (int read unsigned).
     */
    public String buildTokenWithPermissions(String appId, String appCertificate, String userId,
            AccessToken2.ServiceRtm2.Permissions permissions, int expire) {
        return buildTokenWithPermissions(appId, appCertificate, userId,
                permissions == null ? List.of() : permissions.toList(), Integer.toUnsignedLong(expire));
    }
}
