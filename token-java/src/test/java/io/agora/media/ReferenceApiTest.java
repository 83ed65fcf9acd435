package io.agora.media;

import static io.agora.media.Fixtures.APP_ID;
import static io.agora.media.Fixtures.CERT;
import static io.agora.media.Fixtures.CHANNEL;
import static io.agora.media.Fixtures.TOKEN_UID_0;
import static io.agora.media.Fixtures.TOKEN_UID_2882341273;
import static io.agora.media.Fixtures.assertCategory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agora.apaas.ApaasTokenBuilder;
import io.agora.media.AccessToken2.ServiceRtm2.Permissions;
import io.agora.rtm.RtmTokenBuilder2;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference classes' API as Agora's Java code uses it (io.agora.media.AccessToken,
 * AccessToken2 with its public fields, io.agora.rtm.RtmTokenBuilder, the builders' reference
 * overloads), written by us: what Agora's own test files exercise (compat/run-reference.sh runs
 * those, outside the repository) and what they leave out: the values accepted as Agora's builders
 * accept them, and the refusals that remain (README, "Differences from Agora's builders").
 */
class ReferenceApiTest {
    // ---------------------------------------------------------------- 006: AccessToken

    @Test
    void accessTokenBuildsFromItsPublicFields() {
        AccessToken token = new AccessToken(APP_ID, CERT, CHANNEL, "2882341273");
        token.message.salt = 1;
        token.message.ts = 1111111;
        token.addPrivilege(AccessToken.Privileges.kJoinChannel, 1446455471);
        assertEquals(TOKEN_UID_2882341273, token.build());
        assertEquals(TOKEN_UID_2882341273, token.build(), "the same fields, the same token");
        ParsedToken p = AccessToken.parse(TOKEN_UID_2882341273);
        assertArrayEquals(p.getSignature(), token.signature, "build fills the signature");
        assertEquals(p.getCrcChannelName(), Integer.toUnsignedLong(token.crcChannelName));
        assertEquals(p.getCrcUid(), Integer.toUnsignedLong(token.crcUid));
        assertNull(token.messageRawContent, "documented: not filled");
        // The map itself, as Agora's test writes it.
        AccessToken viaMap = new AccessToken(APP_ID, CERT, CHANNEL, "");
        viaMap.message.salt = 1;
        viaMap.message.ts = 1111111;
        viaMap.message.messages.put(AccessToken.Privileges.kJoinChannel.intValue, 1446455471);
        assertEquals(TOKEN_UID_0, viaMap.build(), "uid \"\" is uid 0 (any user)");
        assertEquals("006", AccessToken.getVersion());
    }

    @Test
    void accessTokenDrawsSaltAndTsFromTheCore() {
        AccessToken a = new AccessToken(APP_ID, CERT, CHANNEL, "1");
        AccessToken b = new AccessToken(APP_ID, CERT, CHANNEL, "1");
        long now = Fixtures.now();
        long ts = Integer.toUnsignedLong(a.message.ts);
        assertTrue(Math.abs(ts - (now + 24 * 3600)) <= 2, "ts = now + 24 h: " + ts);
        assertFalse(a.message.salt == b.message.salt && b.message.salt == new AccessToken("", "", "", "").message.salt,
                "a fresh salt per object");
        a.addPrivilege(AccessToken.Privileges.kJoinChannel, 0);
        ParsedToken p = AccessToken.parse(a.build());
        assertEquals(Integer.toUnsignedLong(a.message.salt), p.getSalt());
        assertEquals(ts, p.getTs());
    }

    @Test
    void accessTokenFromStringReadsAToken() {
        AccessToken t = new AccessToken("", "", "", "");
        assertTrue(t.fromString(TOKEN_UID_2882341273));
        assertEquals(APP_ID, t.appId);
        assertEquals(1, t.message.salt);
        assertEquals(1111111, t.message.ts);
        assertEquals(Map.of((short) 1, 1446455471), t.message.messages);
        assertEquals(AccessToken.parse(TOKEN_UID_2882341273).getCrcUid(), Integer.toUnsignedLong(t.crcUid));
        for (String bad : new String[] {null, "", "007abc", TOKEN_UID_2882341273.substring(0, 40), "006" + "x".repeat(40)}) {
            assertFalse(t.fromString(bad), String.valueOf(bad));
        }
        assertEquals(APP_ID, t.appId, "a failed read changes nothing");
        assertEquals(1111111, t.message.ts);
        // Unsigned ints: a ts past 2038 round-trips through the int field.
        AccessToken late = new AccessToken(APP_ID, CERT, CHANNEL, "7");
        late.message.ts = (int) 4000000000L;
        late.addPrivilege(AccessToken.Privileges.kJoinChannel, (int) 4000000000L);
        assertEquals(4000000000L, AccessToken.parse(late.build()).getTs());
    }

    @Test
    void accessTokenReturnsEmptyWhereAgorasDoesAndThrowsWhereItWouldSignNonsense() {
        AccessToken badApp = new AccessToken("not-an-app-id", CERT, CHANNEL, "1");
        assertEquals("", badApp.build());
        assertCategory("app_id", badApp::buildOrThrow);
        assertEquals("", new AccessToken(APP_ID, "", CHANNEL, "1").build());
        assertCategory("channel_name", () -> new AccessToken(APP_ID, CERT, "a/b", "1").build());
        assertCategory("user_account", () -> new AccessToken(APP_ID, CERT, CHANNEL, "u".repeat(256)).build());
        AccessToken unknownPrivilege = new AccessToken(APP_ID, CERT, CHANNEL, "1");
        unknownPrivilege.message.messages.put((short) 99, 0);
        assertCategory("privilege", unknownPrivilege::build);
        assertCategory("null_argument", () -> new AccessToken(APP_ID, CERT, CHANNEL, null).build());
        assertCategory("null_argument", () -> new AccessToken(APP_ID, CERT, null, "1").build());
        assertCategory("null_argument", () -> new AccessToken(APP_ID, CERT, CHANNEL, "1").addPrivilege(null, 0));
        String s = new AccessToken(APP_ID, CERT, CHANNEL, "1").toString();
        assertFalse(s.contains(CERT), s);
        assertTrue(s.contains("appCertificate=***"), s);
    }

    // ---------------------------------------------------------------- 006: io.agora.rtm.RtmTokenBuilder

    @Test
    void rtmTokenBuilderKeepsItsTokenCreator() {
        io.agora.rtm.RtmTokenBuilder builder = new io.agora.rtm.RtmTokenBuilder();
        String token = builder.buildToken(APP_ID, CERT, "test_user", io.agora.rtm.RtmTokenBuilder.Role.Rtm_User, 1446455471);
        ParsedToken p = AccessToken.parse(token);
        assertEquals(Map.of(1000, 1446455471L), p.getPrivileges());
        assertEquals(p.getSalt(), Integer.toUnsignedLong(builder.mTokenCreator.message.salt));
        assertEquals(p.getCrcChannelName(), Integer.toUnsignedLong(builder.mTokenCreator.crcChannelName));
        assertEquals("test_user", builder.mTokenCreator.channelName);
        long now = Fixtures.now();
        assertEquals(VerifyResult.OK, AccessToken.verifyRtm(token, CERT, "test_user", 1446455471L - 1));
        assertTrue(Math.abs(p.getTs() - (now + 24 * 3600)) <= 2);
        // Any role, null too: Agora's ignores it.
        assertEquals(Map.of(1000, 0L), AccessToken.parse(new io.agora.rtm.RtmTokenBuilder().buildToken(APP_ID, CERT,
                "u", null, 0)).getPrivileges());
        // Agora's "" for an invalid app id or certificate; the account's rules still throw.
        assertEquals("", builder.buildToken("x", CERT, "u", io.agora.rtm.RtmTokenBuilder.Role.Rtm_User, 0));
        assertEquals("", builder.buildToken(APP_ID, "x", "u", io.agora.rtm.RtmTokenBuilder.Role.Rtm_User, 0));
        assertCategory("user_account", () -> builder.buildToken(APP_ID, CERT, "", io.agora.rtm.RtmTokenBuilder.Role.Rtm_User, 0));
        // initTokenBuilder reads a token; setPrivilege adds to the creator, as Agora's.
        io.agora.rtm.RtmTokenBuilder reader = new io.agora.rtm.RtmTokenBuilder();
        assertTrue(reader.initTokenBuilder(token));
        assertEquals(Map.of((short) 1000, 1446455471), reader.mTokenCreator.message.messages);
        reader.setPrivilege(AccessToken.Privileges.kJoinChannel, 5);
        assertEquals(Map.of((short) 1, 5, (short) 1000, 1446455471), reader.mTokenCreator.message.messages);
        assertFalse(reader.initTokenBuilder("007abc"));
    }

    // ---------------------------------------------------------------- 006: RtcTokenBuilder roles

    @Test
    void everyRtcRoleAndNullBuild() {
        RtcTokenBuilder builder = new RtcTokenBuilder();
        for (RtcTokenBuilder.Role role : RtcTokenBuilder.Role.values()) {
            for (int uid : new int[] {0, 123}) {
                assertFalse(builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, uid, role, 600).isEmpty());
            }
            assertFalse(builder.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, "user", role, 600).isEmpty());
        }
        // The core's table: Subscriber (and null) join only; Attendee, Publisher, Admin publish.
        // Agora's Java RtcTokenBuilder swaps Subscriber and Attendee (README, "Differences").
        Map<Integer, Long> join = Map.of(1, 600L);
        Map<Integer, Long> publish = Map.of(1, 600L, 2, 600L, 3, 600L, 4, 600L);
        assertEquals(join, privileges006(builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1, RtcTokenBuilder.Role.Role_Subscriber, 600)));
        assertEquals(join, privileges006(builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1, null, 600)));
        assertEquals(publish, privileges006(builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1, RtcTokenBuilder.Role.Role_Attendee, 600)));
        assertEquals(publish, privileges006(builder.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1, RtcTokenBuilder.Role.Role_Admin, 600)));
    }

    private static Map<Integer, Long> privileges006(String token) {
        return AccessToken.parse(token).getPrivileges();
    }

    // ---------------------------------------------------------------- 007: AccessToken2's reference shape

    @Test
    void accessToken2FieldsAreAgoras() {
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 600);
        assertEquals(APP_ID, t.appId);
        assertEquals(CERT, t.appCert);
        assertEquals(600, t.expire);
        assertTrue(Math.abs(Integer.toUnsignedLong(t.issueTs) - Fixtures.now()) <= 2, "issue_ts: now, drawn by the core");
        assertTrue(t.salt >= 1 && t.salt <= 99999999, "the references' salt range: " + t.salt);
        assertTrue(t.services.isEmpty());
        t.addService(new AccessToken2.ServiceFpa());
        String first = t.build();
        assertEquals(first, t.build(), "drawn once, at construction, as Agora's");
        ParsedToken2 p = AccessToken2.parseToken(first);
        assertEquals(Integer.toUnsignedLong(t.issueTs), p.getIssueTs());
        assertEquals(t.salt, p.getSalt());
        t.issueTs = 1111111;
        t.salt = 1;
        assertEquals(1111111, AccessToken2.parseToken(t.build()).getIssueTs(), "the public fields are what is built");
        t.salt = -1; // Agora's Java writes an int's 32 bits
        assertEquals(4294967295L, AccessToken2.parseToken(t.build()).getSalt());
        AccessToken2 empty = new AccessToken2();
        assertEquals("", empty.appId);
        assertEquals("", empty.appCert);
        assertEquals(0, empty.issueTs);
        assertEquals("007", AccessToken2.getVersion());
        assertEquals("", AccessToken2.getUidStr(0));
        assertEquals("4294967295", AccessToken2.getUidStr(-1));
        assertTrue(t.getService(AccessToken2.SERVICE_TYPE_RTM2) instanceof AccessToken2.ServiceRtm2);
        assertNull(t.getService((short) 999));
    }

    @Test
    void baseClassServicesArePackedAndSkippedByReaders() {
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 600);
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc(CHANNEL, "2882341273");
        rtc.addPrivilegeRtc(AccessToken2.PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
        t.addService(rtc);
        AccessToken2.Service unknown = new AccessToken2.Service((short) 999);
        unknown.privileges.put((short) 1, 600);
        t.addService(unknown);
        String token = t.build();
        AccessToken2 parser = new AccessToken2();
        assertTrue(parser.parse(token), "read as Agora's readers read");
        assertEquals(1, parser.services.size(), "the RTC service before type 999");
        assertTrue(parser.verifySignature(CERT));
        assertCategory("service", () -> AccessToken2.parseToken(token)); // the strict reader says why
        // Type 0 sorts first, so a reader stops before the RTC service.
        AccessToken2 zeroFirst = new AccessToken2(APP_ID, CERT, 600);
        zeroFirst.addService(rtc);
        zeroFirst.addService(new AccessToken2.Service((short) 0));
        assertTrue(parser.parse(zeroFirst.build()));
        assertTrue(parser.services.isEmpty());
        assertTrue(parser.verifySignature(CERT));
        assertFalse(parser.verifySignature("0".repeat(32)));
        // A base-class service alone is a token too (no_service counts it).
        AccessToken2 alone = new AccessToken2(APP_ID, CERT, 600);
        alone.addService(new AccessToken2.Service((short) 0xFFFF));
        assertTrue(parser.parse(alone.build()));
    }

    @Test
    void rtm2PermissionsAreAgorasClass() {
        Permissions permissions = new Permissions();
        permissions.add(Permissions.MESSAGE_CHANNELS, Permissions.READ, List.of("a", "b"));
        permissions.add(Permissions.USERS, Permissions.WRITE, List.of("u"));
        String token = new RtmTokenBuilder2().buildTokenWithPermissions(APP_ID, CERT, "alice", permissions, 600);
        AccessToken2 parser = new AccessToken2();
        assertTrue(parser.parse(token));
        AccessToken2.ServiceRtm2 s = (AccessToken2.ServiceRtm2) parser.getServices(AccessToken2.SERVICE_TYPE_RTM2).get(0);
        assertEquals("alice", s.userId);
        assertEquals(permissions.details, s.permissions.details);
        assertEquals(600, (int) s.privileges.get(AccessToken2.PrivilegeRtm2.PRIVILEGE_LOGIN.intValue));
        String none = new RtmTokenBuilder2().buildTokenWithPermissions(APP_ID, CERT, "alice", (Permissions) null, 600);
        assertTrue(parser.parse(none));
        assertTrue(((AccessToken2.ServiceRtm2) parser.services.get(0)).permissions.details.isEmpty(), "null: none, as Agora's");
        Permissions bad = new Permissions();
        bad.add((short) 9, Permissions.READ, List.of("x"));
        assertCategory("permission", () -> new RtmTokenBuilder2().buildTokenWithPermissions(APP_ID, CERT, "u", bad, 60));
    }

    @Test
    void buildersAcceptWhatAgorasAccept() {
        // A null RTC role: JoinChannel only.
        String token = new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, CHANNEL, 1, null, 600, 600);
        AccessToken2 parser = new AccessToken2();
        assertTrue(parser.parse(token));
        assertEquals(Map.of((short) 1, 600), parser.services.get(0).getPrivileges());
        // The APaaS role as Agora's Short.
        Short role = 1;
        assertTrue(parser.parse(new ApaasTokenBuilder().buildRoomUserToken(APP_ID, CERT, "123", "2882341273", role, 600)));
        assertEquals(role, ((AccessToken2.ServiceApaas) parser.getServices(AccessToken2.SERVICE_TYPE_APAAS).get(0)).getRole());
        // Agora's "" where it returns "": the builders throw (orEmpty gives ""); AccessToken2.build returns "".
        assertEquals("", AccessToken2.orEmpty(() -> new RtcTokenBuilder2().buildTokenWithUid("x", CERT, CHANNEL, 1,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600)));
        // Still refused: what would be another user's or a rejected token.
        assertCategory("uid", () -> new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, CHANNEL, 1L << 32,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
        assertCategory("channel_name", () -> new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, "a/b", 1,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600));
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 600);
        t.addService(new AccessToken2.ServiceRtc("a/b", "1"));
        assertCategory("channel_name", t::build);
    }
}
