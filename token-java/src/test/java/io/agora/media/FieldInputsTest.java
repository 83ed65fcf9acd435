package io.agora.media;

import static io.agora.media.Fixtures.APP_ID;
import static io.agora.media.Fixtures.CERT;
import static io.agora.media.Fixtures.assertCategory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agora.media.AccessToken.Privileges;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The kinds of field input of issue 12, as a Java caller meets them, in both formats. */
class FieldInputsTest {
    static final String CHANNEL = "room-1";

    @Test
    void aUidZeroTokenAdmitsAnyUserInBothFormats() {
        long now = Fixtures.now();
        String t006 = new RtcTokenBuilder().buildTokenWithUid(APP_ID, CERT, "live", 0, RtcTokenBuilder.Role.Role_Subscriber, 0);
        String t007 = new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, "live", 0,
                RtcTokenBuilder2.Role.ROLE_SUBSCRIBER, 3600, 0);
        assertEquals(VerifyResult.OK, AccessToken.verify(t006, CERT, "live", 12345L, now));
        assertEquals(VerifyResult.OK, AccessToken.verify(t006, CERT, "live", "alice", now));
        assertEquals(VerifyResult.OK, AccessToken2.verify(t007, CERT, "live", 12345L, now));
        assertEquals(VerifyResult.OK, AccessToken2.verify(t007, CERT, "live", "alice", now));
        assertEquals(VerifyResult.OK, AnyToken.verify(t006, CERT, "live", 4294967295L, now));
        assertEquals(VerifyResult.OK, AnyToken.verify(t007, CERT, "live", "bob", now));
        assertEquals(VerifyResult.CHANNEL_MISMATCH, AccessToken2.verify(t007, CERT, "other", 12345L, now));
        // Not the reverse: a token for uid 42 is not a token for uid 0, and uid 0 is not account "0".
        String for42 = new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, "live", 42, RtcTokenBuilder2.Role.ROLE_SUBSCRIBER, 60, 0);
        assertEquals(VerifyResult.UID_MISMATCH, AccessToken2.verify(for42, CERT, "live", 0L, now));
        String forZeroAccount = new RtcTokenBuilder2().buildTokenWithUserAccount(APP_ID, CERT, "live", "0",
                RtcTokenBuilder2.Role.ROLE_SUBSCRIBER, 60, 0);
        assertEquals(VerifyResult.UID_MISMATCH, AccessToken2.verify(forZeroAccount, CERT, "live", 0L, now));
        String zeroAccount006 = new RtcTokenBuilder().buildTokenWithUserAccount(APP_ID, CERT, "live", "0",
                RtcTokenBuilder.Role.Role_Subscriber, 0);
        assertEquals(VerifyResult.UID_MISMATCH, AccessToken.verify(zeroAccount006, CERT, "live", 0L, now));
    }

    @Test
    void renewalWithInitTokenBuilderGivesALiveToken() {
        long now = Fixtures.now();
        String old;
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, "c", 42)) {
            b.setTs(now + 30);
            for (Privileges p : new Privileges[] {Privileges.kJoinChannel, Privileges.kPublishAudioStream,
                    Privileges.kPublishVideoStream, Privileges.kPublishDataStream}) {
                b.setPrivilege(p, now + 30);
            }
            old = b.buildToken();
        }
        try (SimpleTokenBuilder r = new SimpleTokenBuilder(APP_ID, CERT, "c", 42)) {
            assertTrue(r.initTokenBuilder(old));
            assertEquals(4, r.getPrivileges().size(), "the privileges are inherited");
            r.setPrivilege(Privileges.kJoinChannel, now + 3600);
            String renewed = r.buildToken();
            assertEquals(VerifyResult.OK, AccessToken.verify(renewed, CERT, "c", 42L, now + 600));
            assertEquals(VerifyResult.EXPIRED, AccessToken.verify(old, CERT, "c", 42L, now + 600));
            ParsedToken p = AccessToken.parse(renewed);
            assertTrue(p.getTs() >= now + 86400, "ts drawn afresh: now + 24 h");
            assertTrue(p.getSalt() != AccessToken.parse(old).getSalt() || p.getTs() != AccessToken.parse(old).getTs());
        }
    }

    /** A token as it arrives damaged, and what the message must say. */
    @Test
    void damagedTokensCarryTheCoresDiagnosis() {
        String t006 = new RtcTokenBuilder().buildTokenWithUid(APP_ID, CERT, CHANNEL, 42, RtcTokenBuilder.Role.Role_Publisher, 0);
        String t007 = new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, CHANNEL, 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 60, 0);
        for (String t : new String[] {t006, t007}) {
            java.util.function.Function<String, AgoraTokenException> parse = s -> assertCategoryOf(t, s);
            assertTrue(parse.apply("\"" + t + "\"").getMessage().contains("quotes"));
            assertTrue(parse.apply(t + "\n").getMessage().contains("whitespace"));
            assertTrue(parse.apply(" " + t).getMessage().contains("whitespace"));
            assertTrue(parse.apply("").getMessage().contains("empty"));
            assertTrue(parse.apply(APP_ID).getMessage().contains("app id"), parse.apply(APP_ID).getMessage());
            if (t.contains("/")) {
                assertTrue(parse.apply(t.replace("/", "\\/")).getMessage().contains("JSON"));
            }
            String encoded = URLEncoder.encode(t, StandardCharsets.UTF_8);
            if (!encoded.equals(t)) {
                assertTrue(parse.apply(encoded).getMessage().contains("URL"), parse.apply(encoded).getMessage());
            }
        }
        // The other generation: says what it is and what reads it.
        AgoraTokenException e = assertCategory("version", () -> AccessToken.parse(t007));
        assertTrue(e.getMessage().contains("007") && e.getMessage().contains("AccessToken2"), e.getMessage());
        e = assertCategory("version", () -> AccessToken2.parseToken(t006));
        assertTrue(e.getMessage().contains("006"), e.getMessage());
        e = assertCategory("version", () -> AnyToken.parse("005abc"));
        assertTrue(e.getMessage().contains("older"), e.getMessage());
        // Positions count from the token's first character; the character is shown as a character.
        String cut = t007.substring(0, 20) + "*" + t007.substring(21);
        e = assertCategory("base64", () -> AccessToken2.parseToken(cut));
        assertTrue(e.getMessage().contains("'*'") && e.getMessage().contains("position 20"), e.getMessage());
        // parse_any reads both.
        assertEquals("006", AnyToken.parse(t006).getVersion());
        assertEquals("007", AnyToken.parse(t007).getVersion());
        assertTrue(AnyToken.parse(t007) instanceof ParsedToken2);
        assertEquals(APP_ID, AnyToken.parse(t006).getAppId());
    }

    static AgoraTokenException assertCategoryOf(String token, String damaged) {
        java.util.concurrent.atomic.AtomicReference<AgoraTokenException> seen = new java.util.concurrent.atomic.AtomicReference<>();
        for (Runnable call : new Runnable[] {
                () -> AnyToken.parse(damaged),
                () -> {
                    if (token.startsWith("006")) {
                        AccessToken.parse(damaged);
                    } else {
                        AccessToken2.parseToken(damaged);
                    }
                },
                () -> AnyToken.verify(damaged, CERT, CHANNEL, 42L, 0)}) {
            try {
                call.run();
                throw new AssertionError("accepted: " + damaged);
            } catch (AgoraTokenException e) {
                assertTrue(e.getMessage().length() > 20, e.getMessage());
                seen.compareAndSet(null, e);
            }
        }
        return seen.get();
    }

    @Test
    void nowInMillisecondsAndSignedUidsAreExplained() {
        String t006 = new RtcTokenBuilder().buildTokenWithUid(APP_ID, CERT, CHANNEL, 42, RtcTokenBuilder.Role.Role_Publisher, 0);
        String t007 = new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, CHANNEL, 42, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 60, 0);
        long millis = System.currentTimeMillis();
        for (Runnable call : new Runnable[] {
                () -> AccessToken.verify(t006, CERT, CHANNEL, 42L, millis),
                () -> AccessToken.verifyRtm(t006, CERT, "a", millis),
                () -> AccessToken2.verify(t007, CERT, CHANNEL, 42L, millis),
                () -> AccessToken2.verify(t007, CERT, millis),
                () -> AnyToken.verify(t007, CERT, CHANNEL, "a", millis)}) {
            AgoraTokenException e = assertCategory("now", call::run);
            assertEquals(-34, e.getCode());
            assertTrue(e.getMessage().startsWith("now:") && e.getMessage().contains("milliseconds")
                    && e.getMessage().contains(Long.toString(millis / 1000)), e.getMessage());
        }
        assertTrue(!assertCategory("now", () -> AccessToken2.verify(t007, CERT, -1)).getMessage().contains("milliseconds"));
        long signed = (int) 2882341273L;
        for (Runnable call : new Runnable[] {
                () -> AccessToken.verify(t006, CERT, CHANNEL, signed, 0),
                () -> AccessToken2.verify(t007, CERT, CHANNEL, signed, 0),
                () -> new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, signed),
                () -> new RtcTokenBuilder().buildTokenWithUid(APP_ID, CERT, CHANNEL, signed, RtcTokenBuilder.Role.Role_Publisher, 0L),
                () -> new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, CHANNEL, signed, RtcTokenBuilder2.Role.ROLE_PUBLISHER, 60L, 0L),
                () -> {
                    AccessToken2 t = new AccessToken2(APP_ID, CERT, 60);
                    t.addService(new AccessToken2.ServiceRtc(CHANNEL, signed));
                    t.build();
                }}) {
            AgoraTokenException e = assertCategory("uid", call::run);
            assertTrue(e.getMessage().contains("2882341273") && e.getMessage().contains("signed"), e.getMessage());
        }
        // The int overloads read the unsigned bits, so the signed view is never an error there.
        assertEquals(VerifyResult.OK, AccessToken2.verify(t007, CERT, CHANNEL, 42, Fixtures.now()));
    }

    @Test
    void rtmTokensVerifyAsRtmTokensInBothFormats() {
        long now = Fixtures.now();
        String t006 = new RtmTokenBuilder().buildToken(APP_ID, CERT, "alice", RtmTokenBuilder.Role.Rtm_User, 0);
        assertEquals(VerifyResult.OK, AccessToken.verifyRtm(t006, CERT, "alice", now));
        assertEquals(VerifyResult.UID_MISMATCH, AccessToken.verifyRtm(t006, CERT, "bob", now));
        String t007 = new io.agora.rtm.RtmTokenBuilder2().buildToken(APP_ID, CERT, "alice", 60);
        assertEquals(VerifyResult.OK, AccessToken2.verifyRtm(t007, CERT, "alice", now));
        assertEquals(VerifyResult.EXPIRED, AccessToken2.verifyRtm(t007, CERT, "alice", now + 61));
    }
}
