package io.agora.chat;

import io.agora.media.AccessToken2;
import io.agora.media.Recipes;

/**
 * Chat tokens in AccessToken2 (007), with the names of Agora's Java {@code ChatTokenBuilder2}: a
 * user token (the Chat service for a user id, privilege User) or an app token (privilege App),
 * for {@code expire} seconds from now, in a token that lives as long. Invalid input throws
 * {@link io.agora.media.AgoraTokenException} naming the field (Agora's builder returns {@code
 * ""}: see {@link AccessToken2#orEmpty}). The {@code int} overloads read the int's 32 unsigned
 * bits. Stateless and thread-safe.
 */
public class ChatTokenBuilder2 {
    /** A user token for {@code userId} (up to 255 bytes). */
    public String buildUserToken(String appId, String appCertificate, String userId, int expire) {
        return buildUserToken(appId, appCertificate, userId, Integer.toUnsignedLong(expire));
    }

    /** As the int overload; {@code expire} in 0..2^32-1. */
    public String buildUserToken(String appId, String appCertificate, String userId, long expire) {
        return Recipes.build(Recipes.CHAT_BUILD_USER_TOKEN, appId, appCertificate, userId, expire);
    }

    /** An app token. */
    public String buildAppToken(String appId, String appCertificate, int expire) {
        return buildAppToken(appId, appCertificate, Integer.toUnsignedLong(expire));
    }

    /** As the int overload; {@code expire} in 0..2^32-1. */
    public String buildAppToken(String appId, String appCertificate, long expire) {
        return Recipes.build(Recipes.CHAT_BUILD_APP_TOKEN, appId, appCertificate, expire);
    }
}
