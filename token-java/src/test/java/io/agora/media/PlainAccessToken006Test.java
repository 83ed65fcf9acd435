package io.agora.media;

import static io.agora.media.Fixtures.APP_ID;
import static io.agora.media.Fixtures.CERT;
import static io.agora.media.Fixtures.CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark compares like with like: the plain Java peers build our exact tokens. */
class PlainAccessToken006Test {
    @Test
    void plainPeerBuildsTheSameTokens() throws Exception {
        PlainAccessToken006 plain = new PlainAccessToken006(APP_ID, CERT, CHANNEL, "2882341273");
        plain.salt = 1;
        plain.ts = 1111111;
        plain.addPrivilege(AccessToken.Privileges.kJoinChannel, 1446455471);
        assertEquals(Fixtures.TOKEN_UID_2882341273, plain.build());

        PlainAccessToken006 many = new PlainAccessToken006(APP_ID, CERT, "room 1", "alice");
        try (SimpleTokenBuilder ours = new SimpleTokenBuilder(APP_ID, CERT, "room 1", "alice")) {
            many.salt = (int) 4000000000L;
            many.ts = (int) 3000000000L;
            ours.setSalt(4000000000L);
            ours.setTs(3000000000L);
            for (AccessToken.Privileges p : AccessToken.Privileges.values()) {
                many.addPrivilege(p, p.id() * 7);
                ours.setPrivilege(p, p.id() * 7);
            }
            assertEquals(ours.buildToken(), many.build());
        }
        PlainAccessToken006 fresh = new PlainAccessToken006(APP_ID, CERT, CHANNEL, "");
        String token = fresh.build();
        assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, CHANNEL, 0L, Fixtures.now()));
        assertTrue(AccessToken.parse(token).getTs() >= Fixtures.now() + 86400 - 2);
    }

    @Test
    void plain007PeerBuildsTheSameTokensWithTheJvmsZlib() throws Exception {
        PlainAccessToken2 plain = new PlainAccessToken2();
        plain.salt = 1;
        plain.issueTs = 1111111;
        assertEquals(AccessToken2Test.SAMPLE, plain.buildTokenWithUid(APP_ID, CERT, CHANNEL, 2882341273L, false, 600, 600)
                , "FORMAT007's sample is a subscriber token");
        for (int i = 0; i < 200; i++) {
            final int n = i;
            plain.salt = 1 + i * 48271;
            plain.issueTs = 1700000000 + i;
            String ours = Recipes.pinned(1700000000 + i, 1 + i * 48271, () -> new RtcTokenBuilder2().buildTokenWithUid(
                    APP_ID, CERT, "room-" + n, n * 7919L, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 3600L + n, n));
            assertEquals(ours, plain.buildTokenWithUid(APP_ID, CERT, "room-" + n, n * 7919L, true, 3600 + n, n));
        }
        PlainAccessToken2 fresh = new PlainAccessToken2();
        String token = fresh.buildTokenWithUid(APP_ID, CERT, CHANNEL, 42, true, 60, 60);
        assertEquals(VerifyResult.OK, AccessToken2.verify(token, CERT, CHANNEL, 42L, Fixtures.now()));
    }
}
