package io.agora.apaas;

import io.agora.media.AccessToken2;
import io.agora.media.Recipes;

/**
 * APaaS tokens in AccessToken2 (007), with the names of Agora's Java {@code ApaasTokenBuilder}:
 * room-user tokens (APaaS RoomUser, RTM login for the user uuid, Chat for the md5 of the user
 * uuid), user tokens and app tokens, each for {@code expire} seconds from now. The role is an
 * int so that Agora's {@code Short} arguments fit and any value reaches the core's check
 * (-32768..32767, category {@code role}). Invalid input throws {@link
 * io.agora.media.AgoraTokenException} (Agora's builder returns {@code ""}: see {@link
 * AccessToken2#orEmpty}). Agora's Java puts no Chat privilege in room-user tokens and mis-pads
 * some md5 values; this library writes what python3, Go, C++ and Rust write. Stateless and
 * thread-safe.
 */
public class ApaasTokenBuilder {
    private final int roomUser;
    private final int user;
    private final int app;

    public ApaasTokenBuilder() {
        this(Recipes.APAAS_BUILD_ROOM_USER_TOKEN, Recipes.APAAS_BUILD_USER_TOKEN, Recipes.APAAS_BUILD_APP_TOKEN);
    }

    /** For {@link io.agora.education.EducationTokenBuilder2}: the three builders' numbers in {@link Recipes}. */
    protected ApaasTokenBuilder(int roomUser, int user, int app) {
        this.roomUser = roomUser;
        this.user = user;
        this.app = app;
    }

    /** A room-user token. */
    public String buildRoomUserToken(String appId, String appCertificate, String roomUuid, String userUuid, int role,
            int expire) {
        return buildRoomUserToken(appId, appCertificate, roomUuid, userUuid, role, Integer.toUnsignedLong(expire));
    }

    /** As the int overload; {@code expire} in 0..2^32-1. */
    public String buildRoomUserToken(String appId, String appCertificate, String roomUuid, String userUuid, int role,
            long expire) {
        return Recipes.build(roomUser, appId, appCertificate, roomUuid, userUuid, role, expire);
    }

    /** A user token. */
    public String buildUserToken(String appId, String appCertificate, String userUuid, int expire) {
        return buildUserToken(appId, appCertificate, userUuid, Integer.toUnsignedLong(expire));
    }

    /** As the int overload; {@code expire} in 0..2^32-1. */
    public String buildUserToken(String appId, String appCertificate, String userUuid, long expire) {
        return Recipes.build(user, appId, appCertificate, userUuid, expire);
    }

    /** An app token. */
    public String buildAppToken(String appId, String appCertificate, int expire) {
        return buildAppToken(appId, appCertificate, Integer.toUnsignedLong(expire));
    }

    /** As the int overload; {@code expire} in 0..2^32-1. */
    public String buildAppToken(String appId, String appCertificate, long expire) {
        return Recipes.build(app, appId, appCertificate, expire);
    }

}
