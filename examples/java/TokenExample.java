// Mints an RTC token in AccessToken2 (007, what Agora issues today) with
// io.agora.media.RtcTokenBuilder2 and in the legacy AccessToken (006) with
// io.agora.media.SimpleTokenBuilder, then reads each back and verifies it.
//
// Run (Java 17, single-file source launch) with the agoratoken jar on the class path:
//   java -cp token-java/target/agoratoken-0.1.0.jar examples/java/TokenExample.java [channel] [uid]
//
// AGORA_APP_ID and AGORA_APP_CERTIFICATE override Agora's public sample credentials.

import io.agora.media.AccessToken;
import io.agora.media.AccessToken2;
import io.agora.media.AgoraTokenException;
import io.agora.media.ParsedToken;
import io.agora.media.ParsedToken2;
import io.agora.media.RtcTokenBuilder;
import io.agora.media.RtcTokenBuilder2;
import io.agora.media.SimpleTokenBuilder;
import io.agora.media.VerifyResult;

public class TokenExample {
    public static void main(String[] args) {
        String appId = System.getenv().getOrDefault("AGORA_APP_ID", "970CA35de60c44645bbae8a215061b33");
        String appCertificate =
                System.getenv().getOrDefault("AGORA_APP_CERTIFICATE", "5CFd2fd1755d40ecb72977518be15d3b");
        String channel = args.length > 0 ? args[0] : "room-1";
        long uid = args.length > 1 ? Long.parseLong(args[1]) : 2882341273L;

        long now = System.currentTimeMillis() / 1000;

        // 007: every expire is seconds from now.
        String token007 = new RtcTokenBuilder2().buildTokenWithUid(appId, appCertificate, channel, uid,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600, 3600);
        System.out.println("token007: " + token007);
        ParsedToken2 info007 = AccessToken2.parseToken(token007);
        System.out.println("issued at " + info007.getIssueTs() + ", expires at " + info007.getExpiresAt());
        info007.getServices().forEach(s -> System.out.println("service " + s));
        VerifyResult result007 = AccessToken2.verify(token007, appCertificate, channel, uid, now);
        System.out.println("verify007: " + result007.label());

        // 006: privilege expiries are Unix times.
        long expire = now + 3600;

        String token;
        try (SimpleTokenBuilder builder = new SimpleTokenBuilder(appId, appCertificate, channel, uid)) {
            builder.initPrivileges(SimpleTokenBuilder.Role.Role_Publisher);
            builder.setPrivilege(AccessToken.Privileges.kJoinChannel, expire);
            token = builder.buildToken();
        }
        System.out.println("token: " + token);

        ParsedToken info = AccessToken.parse(token);
        System.out.println("app id: " + info.getAppId());
        System.out.println("salt: " + info.getSalt());
        System.out.println("expires (ts): " + info.getTs());
        info.getPrivileges().forEach((id, ts) ->
                System.out.println("privilege " + AccessToken.Privileges.fromId(id) + " until " + ts));

        VerifyResult result = AccessToken.verify(token, appCertificate, channel, uid, now);
        System.out.println("verify: " + result.label());

        try {
            new RtcTokenBuilder().buildTokenWithUid(
                    appId, appCertificate, "no/slash", 1, RtcTokenBuilder.Role.Role_Publisher, 0);
        } catch (AgoraTokenException e) {
            System.out.println("rejected as " + e.getCategory() + ": " + e.getMessage());
        }
        System.exit(result.isOk() && result007.isOk() ? 0 : 1);
    }
}
