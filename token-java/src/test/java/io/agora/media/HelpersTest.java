package io.agora.media;

import static io.agora.media.Fixtures.APP_ID;
import static io.agora.media.Fixtures.CERT;
import static io.agora.media.Fixtures.CHANNEL;
import static io.agora.media.Fixtures.assertCategory;
import static io.agora.media.Fixtures.crc32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agora.media.RtcTokenBuilder.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RtcTokenBuilder and RtmTokenBuilder. */
class HelpersTest {
    final RtcTokenBuilder rtc = new RtcTokenBuilder();
    final RtmTokenBuilder rtm = new RtmTokenBuilder();

    @Test
    void rtcWithIntUidAbove2pow31() {
        long now = Fixtures.now();
        String viaInt = rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, (int) 2882341273L, Role.Role_Publisher, 0);
        String viaLong = rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 2882341273L, Role.Role_Publisher, 0L);
        String viaAccount = rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, "2882341273", Role.Role_Publisher, 0);
        for (String token : new String[] {viaInt, viaLong, viaAccount}) {
            ParsedToken p = AccessToken.parse(token);
            assertEquals(crc32("2882341273"), p.getCrcUid());
            assertEquals(crc32(CHANNEL), p.getCrcChannelName());
            assertEquals(Map.of(1, 0L, 2, 0L, 3, 0L, 4, 0L), p.getPrivileges());
            assertTrue(p.getTs() >= now + 86400 - 1);
            assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, CHANNEL, 2882341273L, now));
        }
        assertNotEquals(viaInt, viaLong, "fresh salt per token");
    }

    @Test
    void rtcRolesAndExpiry() {
        for (Role role : Role.values()) {
            String token = rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 7, role, -1);
            Map<Integer, Long> privileges = AccessToken.parse(token).getPrivileges();
            assertEquals(4294967295L, privileges.get(1), "int privilegeTs -1 is 2^32-1");
            int[] ids = Fixtures.rolePrivileges(role.initValue);
            assertEquals(ids.length, privileges.size(), role.name());
            for (int id : ids) {
                assertEquals(4294967295L, privileges.get(id));
            }
        }
        assertEquals(Map.of(1, 9L), AccessToken.parse(
                rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, "bob", Role.Role_Subscriber, 9L)).getPrivileges());
    }

    @Test
    void rtcFailures() {
        assertCategory("null_argument", () -> rtc.buildTokenWithUid(null, CERT, CHANNEL, 1, Role.Role_Publisher, 0));
        assertCategory("null_argument", () -> rtc.buildTokenWithUid(APP_ID, null, CHANNEL, 1, Role.Role_Publisher, 0));
        assertCategory("null_argument", () -> rtc.buildTokenWithUid(APP_ID, CERT, null, 1, Role.Role_Publisher, 0));
        // A null role is JoinChannel only, as Agora's builders build it (token-core's JOIN_ONLY).
        assertEquals(Map.of(1, 0L), AccessToken.parse(rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1, null, 0)).getPrivileges());
        assertEquals(Map.of(1, 5L), AccessToken.parse(rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1L, null, 5L)).getPrivileges());
        assertEquals(Map.of(1, 5L), AccessToken.parse(rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, "a", null, 5)).getPrivileges());
        assertCategory("null_argument",
                () -> rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, null, Role.Role_Publisher, 0));
        assertCategory("uid", () -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, -1L, Role.Role_Publisher, 0L));
        assertCategory("uid", () -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1L << 32, Role.Role_Publisher, 0L));
        assertCategory("expire_ts", () -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1L, Role.Role_Publisher, -1L));
        assertCategory("expire_ts",
                () -> rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, "a", Role.Role_Publisher, 1L << 32));
        assertCategory("app_id", () -> rtc.buildTokenWithUid("x", CERT, CHANNEL, 1, Role.Role_Publisher, 0));
        assertCategory("app_certificate", () -> rtc.buildTokenWithUid(APP_ID, "x", CHANNEL, 1, Role.Role_Publisher, 0));
        assertCategory("channel_name", () -> rtc.buildTokenWithUid(APP_ID, CERT, "", 1, Role.Role_Publisher, 0));
        assertCategory("user_account",
                () -> rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, "", Role.Role_Publisher, 0));
        assertCategory("role", () -> Native.build006(false, APP_ID, CERT, CHANNEL, null, 1, 3, 0, new byte[400], 400));
        assertCategory("role", () -> Native.build006(false, APP_ID, CERT, CHANNEL, "a", 0, -1, 0, new byte[400], 400));
    }

    @Test
    void rtcArgumentsOffTheFastPath() {
        // The RTC natives read short ASCII strings on a fast path and hand anything else (null,
        // longer than 256 UTF-16 units, not ASCII) to the general path: same checks, same order.
        long now = Fixtures.now();
        String longest = "a".repeat(255);
        String token = rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, longest, Role.Role_Publisher, 0);
        assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, CHANNEL, longest, now));
        for (int n : new int[] {256, 257, 1000}) {
            assertCategory("user_account",
                    () -> rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, "a".repeat(n), Role.Role_Publisher, 0));
            assertCategory("channel_name",
                    () -> rtc.buildTokenWithUid(APP_ID, CERT, "c".repeat(n), 1, Role.Role_Publisher, 0));
            assertCategory("app_id", () -> rtc.buildTokenWithUid("A".repeat(n), CERT, CHANNEL, 1, Role.Role_Publisher, 0));
            assertCategory("app_certificate",
                    () -> rtc.buildTokenWithUid(APP_ID, "C".repeat(n), CHANNEL, 1, Role.Role_Publisher, 0));
        }
        for (String bad : new String[] {"caf\u00e9", "\ud83d\ude00", "\ud83d", "\u0000"}) {
            AgoraTokenException e = assertCategory("channel_name",
                    () -> rtc.buildTokenWithUid(APP_ID, CERT, bad, 1, Role.Role_Publisher, 0));
            assertEquals(-3, e.getCode());
            assertCategory("user_account",
                    () -> rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, bad, Role.Role_Publisher, 0));
            assertCategory("app_id", () -> rtc.buildTokenWithUid(bad, CERT, CHANNEL, 1, Role.Role_Publisher, 0));
        }
        // Every string is read (and null-checked) before the uid, role and expiry are.
        assertCategory("null_argument", () -> rtc.buildTokenWithUid(null, CERT, CHANNEL, -1L, Role.Role_Publisher, -1L));
        assertCategory("null_argument", () -> Native.build006(false, APP_ID, CERT, null, "a", 0, 3, -1,
                new byte[400], 400));
        AgoraTokenException negative = assertCategory("uid",
                () -> Native.build006(false, "x", CERT, CHANNEL, null, -1, 3, -1, new byte[400], 400));
        assertTrue(negative.getMessage().contains("4294967295") && negative.getMessage().contains("signed"),
                negative.getMessage());
        assertCategory("role", () -> Native.build006(false, "x", CERT, CHANNEL, null, 1, 3, -1, new byte[400], 400));
        assertCategory("expire_ts", () -> Native.build006(false, "x", CERT, CHANNEL, null, 1, 1, -1, new byte[400], 400));
        assertCategory("role",
                () -> Native.build006(false, "x", CERT, "caf\u00e9", "a", 0, 3, -1, new byte[400], 400));
    }

    @Test
    void nativeTokenWritersReportTheSizeNeeded() {
        byte[] small = new byte[20];
        int n = Native.build006(false, APP_ID, CERT, CHANNEL, null, 1, 1, 0, small, small.length);
        assertTrue(n < -100, "minus the length needed: " + n);
        assertEquals(new byte[20].length, small.length);
        assertTrue(java.util.Arrays.equals(new byte[20], small), "nothing written");
        byte[] exact = new byte[-n];
        assertEquals(-n, Native.build006(false, APP_ID, CERT, CHANNEL, null, 1, 1, 0, exact, exact.length));
        String token = new String(exact, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, CHANNEL, 1L, Fixtures.now()));
        assertTrue(Native.build006(true, APP_ID, CERT, "a", null, 0, 1, 0, new byte[3], 3) < 0);
        assertTrue(Native.build006(false, APP_ID, CERT, CHANNEL, "a", 0, 1, 0, new byte[0], 0) < 0);
        assertCategory("null_argument", () -> Native.build006(true, APP_ID, CERT, "a", null, 0, 1, 0, null, 400));
        assertCategory("null_argument", () -> Native.build006(false, APP_ID, CERT, CHANNEL, null, 1, 1, 0, null, 400));
    }

    @Test
    void rtmToken() {
        long now = Fixtures.now();
        String token = rtm.buildToken(APP_ID, CERT, "alice", RtmTokenBuilder.Role.Rtm_User, 0);
        ParsedToken p = AccessToken.parse(token);
        assertEquals(crc32("alice"), p.getCrcChannelName(), "the account is in the channel field");
        assertEquals(0L, p.getCrcUid(), "and the uid is empty");
        assertEquals(Map.of(1000, 0L), p.getPrivileges());
        assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, "alice", 0L, now));
        assertEquals(Map.of(1000, 4294967295L), AccessToken.parse(
                rtm.buildToken(APP_ID, CERT, "alice", RtmTokenBuilder.Role.Rtm_User, -1)).getPrivileges());

        assertEquals(Map.of(1000, 0L), AccessToken.parse(rtm.buildToken(APP_ID, CERT, "alice", null, 0)).getPrivileges(),
                "the role is ignored (null too), as Agora's builders ignore it");
        assertCategory("null_argument", () -> rtm.buildToken(APP_ID, CERT, null, RtmTokenBuilder.Role.Rtm_User, 0));
        assertCategory("null_argument", () -> rtm.buildToken(null, CERT, "a", RtmTokenBuilder.Role.Rtm_User, 0));
        assertCategory("null_argument", () -> rtm.buildToken(APP_ID, null, "a", RtmTokenBuilder.Role.Rtm_User, 0));
        assertCategory("user_account", () -> rtm.buildToken(APP_ID, CERT, "a/b", RtmTokenBuilder.Role.Rtm_User, 0));
        assertCategory("app_certificate", () -> rtm.buildToken(APP_ID, "", "a", RtmTokenBuilder.Role.Rtm_User, 0));
        assertCategory("expire_ts", () -> rtm.buildToken(APP_ID, CERT, "a", RtmTokenBuilder.Role.Rtm_User, -5L));
        for (int anyRole : new int[] {2, 0, -1, Integer.MAX_VALUE}) { // ignored, as Agora's builders ignore it
            assertTrue(Native.build006(true, APP_ID, CERT, "a", null, 0, anyRole, 0, new byte[400], 400) > 0);
        }
    }
}
