// Renews an AccessToken 006 with SimpleTokenBuilder.initTokenBuilder: the privileges of the old
// token are taken, salt and ts are drawn afresh, so the renewed token lives again.
//
//   java -cp token-java/target/agoratoken-0.1.0.jar examples/java/RenewalExample.java
//
// AGORA_APP_ID and AGORA_APP_CERTIFICATE override Agora's public sample credentials.

import io.agora.media.AccessToken;
import io.agora.media.SimpleTokenBuilder;
import io.agora.media.VerifyResult;

public class RenewalExample {
    public static void main(String[] args) {
        String appId = System.getenv().getOrDefault("AGORA_APP_ID", "970CA35de60c44645bbae8a215061b33");
        String appCertificate =
                System.getenv().getOrDefault("AGORA_APP_CERTIFICATE", "5CFd2fd1755d40ecb72977518be15d3b");
        long now = System.currentTimeMillis() / 1000;

        // A token that ends in 30 seconds (006 times are Unix times).
        String old;
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(appId, appCertificate, "room-1", 42)) {
            b.initPrivileges(SimpleTokenBuilder.Role.Role_Publisher);
            b.setTs(now + 30);
            b.setPrivilege(AccessToken.Privileges.kJoinChannel, now + 30);
            old = b.buildToken();
        }

        // Renewal: same app, channel and user; extend the privilege you want, then build.
        String renewed;
        try (SimpleTokenBuilder r = new SimpleTokenBuilder(appId, appCertificate, "room-1", 42)) {
            if (!r.initTokenBuilder(old)) {
                throw new IllegalStateException("not a token of this app, channel and user");
            }
            r.setPrivilege(AccessToken.Privileges.kJoinChannel, now + 3600);
            renewed = r.buildToken();
        }

        VerifyResult before = AccessToken.verify(old, appCertificate, "room-1", 42, now + 600);
        VerifyResult after = AccessToken.verify(renewed, appCertificate, "room-1", 42, now + 600);
        System.out.println("in 10 minutes, the old token: " + before.label() + ", the renewed one: " + after.label());
        System.exit(before == VerifyResult.EXPIRED && after.isOk() ? 0 : 1);
    }
}
