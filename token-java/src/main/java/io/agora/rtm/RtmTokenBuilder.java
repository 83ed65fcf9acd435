package io.agora.rtm;

import io.agora.media.AccessToken;
import io.agora.media.AgoraTokenException;

/**
 * RTM login tokens in AccessToken 006, Agora's Java {@code io.agora.rtm.RtmTokenBuilder}: the
 * user account in the channel field, an empty uid and {@code kRtmLogin} until {@code privilegeTs}
 * (a <b>Unix time</b> in seconds, 0 = never); the token itself expires 24 hours after it is built.
 * {@link #mTokenCreator} is the {@link AccessToken} of the last token built or read.
 *
 * <p>{@link #buildToken} returns {@code ""} where Agora's does (an app id or certificate that is
 * not 32 hex digits) and throws {@link AgoraTokenException} naming the field for the rest token-core
 * refuses (a user account that is empty, longer than 255 bytes or has characters Agora does not
 * allow). The role is ignored, as Agora's builders ignore it (there is one RTM role). Not
 * thread-safe (it keeps {@link #mTokenCreator}, as Agora's). For AccessToken2 (007) use
 * {@link RtmTokenBuilder2}.
 */
public class RtmTokenBuilder {
    /** The RTM role (Agora's; the only one). */
    public enum Role {
        Rtm_User(1);

        /** The role's numeric value. */
        public final int value;

        Role(int value) {
            this.value = value;
        }
    }

    /** The token of the last {@link #buildToken} or {@link #initTokenBuilder} (Agora's field). */
    public AccessToken mTokenCreator;

    /**
     * An RTM token for user account {@code uid} with {@code kRtmLogin} until {@code privilegeTs}
     * (Unix seconds, int read unsigned); {@code role} may be any value or null (ignored). Sets
     * {@link #mTokenCreator} to the token built.
     */
    public String buildToken(String appId, String appCertificate, String uid, Role role, int privilegeTs) {
        mTokenCreator = new AccessToken(appId, appCertificate, uid, "");
        mTokenCreator.addPrivilege(AccessToken.Privileges.kRtmLogin, privilegeTs);
        String token;
        try {
            token = new io.agora.media.RtmTokenBuilder().buildToken(appId, appCertificate, uid,
                    io.agora.media.RtmTokenBuilder.Role.Rtm_User, privilegeTs);
        } catch (AgoraTokenException e) {
            if (e.getCategory().equals("app_id") || e.getCategory().equals("app_certificate")) {
                return "";
            }
            throw e;
        }
        mTokenCreator.fromString(token);
        return token;
    }

    /** Grants another privilege in {@link #mTokenCreator} (Agora's; build it with {@code mTokenCreator.build()}). */
    public void setPrivilege(AccessToken.Privileges privilege, int expireTs) {
        mTokenCreator.addPrivilege(privilege, expireTs);
    }

    /**
     * Reads {@code originToken} into {@link #mTokenCreator} (a new one when there is none):
     * {@code true}, or {@code false} for a token that is not a well-formed 006 token (Agora's
     * always answers {@code true}).
     */
    public boolean initTokenBuilder(String originToken) {
        if (mTokenCreator == null) {
            mTokenCreator = new AccessToken("", "", "", "");
        }
        return mTokenCreator.fromString(originToken);
    }
}
