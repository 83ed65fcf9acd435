package io.agora.media;

import static io.agora.media.Fixtures.APP_ID;
import static io.agora.media.Fixtures.CERT;
import static io.agora.media.Fixtures.CHANNEL;
import static io.agora.media.Fixtures.assertCategory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agora.apaas.ApaasTokenBuilder;
import io.agora.chat.ChatTokenBuilder2;
import io.agora.education.EducationTokenBuilder2;
import io.agora.media.AccessToken2.Permission;
import io.agora.media.AccessToken2.Service;
import io.agora.media.RtcTokenBuilder2.Role;
import io.agora.rtm.RtmTokenBuilder2;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The reference-named 007 builders: what each puts in a token, their overloads and failures. */
class Builders2Test {
    final RtcTokenBuilder2 rtc = new RtcTokenBuilder2();
    static final long T = 1700000000L;

    static List<Service> services(Supplier<String> build) {
        String token = Recipes.pinned(T, 7, build);
        ParsedToken2 p = AccessToken2.parseToken(token);
        assertEquals(T, p.getIssueTs());
        return p.getServices();
    }

    static long expire(Supplier<String> build) {
        return AccessToken2.parseToken(Recipes.pinned(T, 7, build)).getExpire();
    }

    @Test
    void rtcRolesAndOverloads() {
        Supplier<String> publisher = () -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, (int) 2882341273L,
                Role.ROLE_PUBLISHER, 3600, 600);
        List<Service> s = services(publisher);
        assertEquals(1, s.size());
        assertEquals("2882341273", ((AccessToken2.ServiceRtc) s.get(0)).getUid(), "the int is read unsigned");
        assertEquals(Fixtures.privileges(1, 600, 2, 600, 3, 600, 4, 600), s.get(0).getPrivileges());
        assertEquals(3600, expire(publisher));
        assertEquals(Recipes.pinned(T, 7, publisher), Recipes.pinned(T, 7, () -> rtc.buildTokenWithUid(APP_ID, CERT,
                CHANNEL, 2882341273L, Role.ROLE_PUBLISHER, 3600L, 600L)), "int and long overloads agree");
        assertEquals(Recipes.pinned(T, 7, publisher), Recipes.pinned(T, 7, () -> rtc.buildTokenWithUserAccount(APP_ID,
                CERT, CHANNEL, "2882341273", Role.ROLE_PUBLISHER, 3600, 600)), "uid N is account \"N\"");
        assertEquals(Fixtures.privileges(1, 0), services(() -> rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, "bob",
                Role.ROLE_SUBSCRIBER, 60, 0)).get(0).getPrivileges());
        assertEquals(Fixtures.privileges(1, 1, 2, 2, 3, 3, 4, 4), services(() -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL,
                9, 60, 1, 2, 3, 4)).get(0).getPrivileges(), "the 9-argument overload: each its own");
        assertEquals(Fixtures.privileges(1, 1, 2, 2, 3, 3, 4, 4), services(() -> rtc.buildTokenWithUserAccount(APP_ID, CERT,
                CHANNEL, "a", 60L, 1L, 2L, 3L, 4L)).get(0).getPrivileges());
        assertEquals("", ((AccessToken2.ServiceRtc) services(() -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 0,
                Role.ROLE_PUBLISHER, 60, 0)).get(0)).getUid(), "uid 0: any user");
        // Expiries are seconds from now: -1 as an int is 2^32-1 seconds, as Agora's Java writes it.
        assertEquals(4294967295L, expire(() -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1, Role.ROLE_PUBLISHER,
                -1, 0)));
    }

    @Test
    void rtcWithRtmAndRtm2AndTheirCousins() {
        List<Service> s = services(() -> rtc.buildTokenWithRtm(APP_ID, CERT, CHANNEL, "alice", Role.ROLE_SUBSCRIBER,
                900, 60));
        assertEquals(Fixtures.privileges(1, 60), s.get(0).getPrivileges());
        assertEquals("alice", ((AccessToken2.ServiceRtm) s.get(1)).getUserId());
        assertEquals(Fixtures.privileges(1, 900), s.get(1).getPrivileges(), "RTM login lasts token_expire");
        for (int which = 0; which < 3; which++) {
            final int w = which;
            s = services(() -> w == 0
                    ? rtc.buildTokenWithRtm2(APP_ID, CERT, CHANNEL, "agent", Role.ROLE_PUBLISHER, 900, 1, 2, 3, 4,
                            "rtm-user", 300)
                    : w == 1 ? new ConvoAITokenBuilder().buildToken(APP_ID, CERT, CHANNEL, "agent", Role.ROLE_PUBLISHER,
                            900, 1, 2, 3, 4, "rtm-user", 300)
                    : new SttTokenBuilder().buildToken(APP_ID, CERT, CHANNEL, "agent", Role.ROLE_PUBLISHER, 900L, 1L,
                            2L, 3L, 4L, "rtm-user", 300L));
            assertEquals(Fixtures.privileges(1, 1, 2, 2, 3, 3, 4, 4), s.get(0).getPrivileges());
            assertEquals(Fixtures.privileges(1, 300), s.get(1).getPrivileges());
            assertEquals(which == 0 ? 2 : 3, s.size());
            if (which > 0) {
                assertEquals(which == 1 ? AccessToken2.SERVICE_TYPE_CONVOAI : AccessToken2.SERVICE_TYPE_STT,
                        s.get(2).getServiceType());
            }
        }
        assertEquals(Fixtures.privileges(1, 1), services(() -> rtc.buildTokenWithRtm2(APP_ID, CERT, CHANNEL, "agent",
                Role.ROLE_SUBSCRIBER, 900, 1, 2, 3, 4, "u", 300)).get(0).getPrivileges());
    }

    @Test
    void rtmChatFpaApaasEducation() {
        List<Service> s = services(() -> new RtmTokenBuilder2().buildToken(APP_ID, CERT, "alice", 600));
        assertEquals(AccessToken2.SERVICE_TYPE_RTM, s.get(0).getServiceType());
        assertEquals(Fixtures.privileges(1, 600), s.get(0).getPrivileges());
        s = services(() -> new RtmTokenBuilder2().buildTokenWithPermissions(APP_ID, CERT, "alice",
                List.of(new Permission(Permission.STREAM_CHANNELS, Permission.WRITE, "s1")), 600));
        assertEquals(List.of(new Permission(1, 1, "s1")), ((AccessToken2.ServiceRtm2) s.get(0)).permissions.toList());
        s = services(() -> new ChatTokenBuilder2().buildUserToken(APP_ID, CERT, "alice", 600));
        assertEquals(Fixtures.privileges(1, 600), s.get(0).getPrivileges());
        s = services(() -> new ChatTokenBuilder2().buildAppToken(APP_ID, CERT, 600));
        assertEquals(Fixtures.privileges(2, 600), s.get(0).getPrivileges());
        assertEquals("", ((AccessToken2.ServiceChat) s.get(0)).getUserId());
        assertEquals(86400, expire(() -> new FpaTokenBuilder().buildToken(APP_ID, CERT)));
        for (ApaasTokenBuilder b : new ApaasTokenBuilder[] {new ApaasTokenBuilder(), new EducationTokenBuilder2()}) {
            s = services(() -> b.buildRoomUserToken(APP_ID, CERT, "room", "user-316", (short) 1, 600));
            assertEquals(3, s.size(), "packed by type: RTM, Chat, APaaS");
            assertEquals("user-316", ((AccessToken2.ServiceRtm) s.get(0)).getUserId());
            AccessToken2.ServiceApaas apaas = (AccessToken2.ServiceApaas) s.get(2);
            assertEquals(List.of("room", "user-316", (short) 1), List.of(apaas.getRoomUuid(), apaas.getUserUuid(), apaas.getRole()));
            assertEquals(Fixtures.privileges(1, 600), apaas.getPrivileges());
            String chatId = ((AccessToken2.ServiceChat) s.get(1)).getUserId();
            assertEquals("00", chatId.substring(0, 2), "md5(\"user-316\") starts with 00");
            assertEquals(32, chatId.length(), "md5 hex of the user uuid, zero-padded (Agora's Java drops one)");
            assertEquals(Fixtures.privileges(1, 600), s.get(1).getPrivileges());
            s = services(() -> b.buildUserToken(APP_ID, CERT, "user", 60));
            assertEquals(Fixtures.privileges(2, 60), s.get(0).getPrivileges());
            assertEquals(Short.valueOf((short) -1), ((AccessToken2.ServiceApaas) s.get(0)).getRole());
            s = services(() -> b.buildAppToken(APP_ID, CERT, 60L));
            assertEquals(Fixtures.privileges(3, 60), s.get(0).getPrivileges());
        }
        assertEquals(Recipes.pinned(T, 7, () -> new ApaasTokenBuilder().buildAppToken(APP_ID, CERT, 60)),
                Recipes.pinned(T, 7, () -> new EducationTokenBuilder2().buildAppToken(APP_ID, CERT, 60)));
    }

    @Test
    void failuresNameTheField() {
        assertEquals(Fixtures.privileges(1, 0), services(() -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1, null, 60, 0))
                .get(0).getPrivileges(), "a null role: JoinChannel only, as Agora's builders");
        assertCategory("null_argument", () -> rtc.buildTokenWithUid(null, CERT, CHANNEL, 1, Role.ROLE_PUBLISHER, 60, 0));
        assertCategory("null_argument", () -> rtc.buildTokenWithUid(APP_ID, null, CHANNEL, 1, Role.ROLE_PUBLISHER, 60, 0));
        AgoraTokenException e = assertCategory("null_argument",
                () -> rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, null, Role.ROLE_PUBLISHER, 60, 0));
        assertTrue(e.getMessage().contains("account"), e.getMessage());
        e = assertCategory("uid", () -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, -1L, Role.ROLE_PUBLISHER, 60L, 0L));
        assertTrue(e.getMessage().contains("signed") && e.getMessage().contains("4294967295"), e.getMessage());
        assertCategory("uid", () -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1L << 32, 60L, 0L, 0L, 0L, 0L));
        assertCategory("expire", () -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1L, Role.ROLE_PUBLISHER, -1L, 0L));
        assertCategory("expire_ts", () -> rtc.buildTokenWithUid(APP_ID, CERT, CHANNEL, 1L, Role.ROLE_PUBLISHER, 1L, 1L << 32));
        assertCategory("channel_name", () -> rtc.buildTokenWithUid(APP_ID, CERT, "", 1, Role.ROLE_PUBLISHER, 60, 0));
        assertCategory("channel_name", () -> rtc.buildTokenWithUid(APP_ID, CERT, "c".repeat(65), 1, Role.ROLE_PUBLISHER, 60, 0));
        assertCategory("user_account", () -> rtc.buildTokenWithRtm(APP_ID, CERT, CHANNEL, "a".repeat(256), Role.ROLE_PUBLISHER, 60, 0));
        assertCategory("app_id", () -> rtc.buildTokenWithUid("x", CERT, CHANNEL, 1, Role.ROLE_PUBLISHER, 60, 0));
        assertCategory("app_certificate", () -> new FpaTokenBuilder().buildToken(APP_ID, CERT + "0"));
        assertCategory("role", () -> new ApaasTokenBuilder().buildRoomUserToken(APP_ID, CERT, "r", "u", 40000, 60));
        assertCategory("user_id", () -> new RtmTokenBuilder2().buildToken(APP_ID, CERT, "", 60));
        assertCategory("user_id", () -> new ChatTokenBuilder2().buildUserToken(APP_ID, CERT, "u".repeat(256), 60));
        assertCategory("user_uuid", () -> new ApaasTokenBuilder().buildUserToken(APP_ID, CERT, "u".repeat(65536), 60));
        assertCategory("permission", () -> new RtmTokenBuilder2().buildTokenWithPermissions(APP_ID, CERT, "u",
                List.of(new Permission(0, 2)), 60));
        assertCategory("null_argument", () -> new RtmTokenBuilder2().buildTokenWithPermissions(APP_ID, CERT, "u",
                (List<Permission>) null, 60));
        assertCategory("null_argument", () -> new RtmTokenBuilder2().buildTokenWithPermissions(APP_ID, CERT, "u",
                java.util.Arrays.asList((Permission) null), 60));
        assertTrue(new ConvoAITokenBuilder().buildToken(APP_ID, CERT, CHANNEL, "a", null, 1, 1, 1, 1, 1, "u", 1)
                .startsWith("007"), "a null RTC role is JoinChannel only here too");
        // Unpaired surrogates: refused by the field's own rule (006 names), or as utf8 where any text goes.
        for (String bad : new String[] {"\ud83d", "a\ude00", "\ude00\ud83d"}) {
            e = assertCategory("utf8", () -> rtc.buildTokenWithUid(APP_ID, CERT, bad, 1, Role.ROLE_PUBLISHER, 60, 0));
            assertTrue(e.getMessage().contains("channel_name"), e.getMessage());
            e = assertCategory("utf8", () -> rtc.buildTokenWithUserAccount(APP_ID, CERT, CHANNEL, bad,
                    Role.ROLE_PUBLISHER, 60, 0));
            assertTrue(e.getMessage().contains("account"), e.getMessage());
            assertCategory("app_id", () -> new FpaTokenBuilder().buildToken(bad, CERT));
            assertCategory("app_certificate", () -> new FpaTokenBuilder().buildToken(APP_ID, CERT.substring(1) + bad));
            e = assertCategory("utf8", () -> new RtmTokenBuilder2().buildToken(APP_ID, CERT, bad, 60));
            assertTrue(e.getMessage().contains("user_id") && e.getMessage().contains("surrogate"), e.getMessage());
            assertCategory("utf8", () -> new ChatTokenBuilder2().buildUserToken(APP_ID, CERT, "x".repeat(300) + bad, 60));
            assertCategory("utf8", () -> new ApaasTokenBuilder().buildRoomUserToken(APP_ID, CERT, bad, "u", 1, 60));
        }
        // A valid surrogate pair is text like any other.
        assertEquals("😀", ((AccessToken2.ServiceRtm) services(() -> new RtmTokenBuilder2().buildToken(APP_ID, CERT,
                "\ud83d\ude00", 60)).get(0)).getUserId());
        // Agora's convention for these failures: "".
        assertEquals("", AccessToken2.orEmpty(() -> rtc.buildTokenWithUid("x", CERT, CHANNEL, 1, Role.ROLE_PUBLISHER, 60, 0)));
    }
}
