// Mints an RTC token with io.agora.media.SimpleTokenBuilder, then inspects and verifies it.
//
// Run (Java 17, single-file source launch) with the agoratoken jar on the class path:
//   java -cp token-java/target/agoratoken-0.1.0.jar examples/java/TokenExample.java [channel] [uid]
//
// AGORA_APP_ID and AGORA_APP_CERTIFICATE override Agora's public sample credentials.

import io.agora.media.AccessToken;
import io.agora.media.AgoraTokenException;
import io.agora.media.ParsedToken;
import io.agora.media.RtcTokenBuilder;
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
        System.exit(result.isOk() ? 0 : 1);
    }
}
