package io.agora.media;

import static io.agora.media.Fixtures.APP_ID;
import static io.agora.media.Fixtures.CERT;
import static io.agora.media.Fixtures.CHANNEL;
import static io.agora.media.Fixtures.assertCategory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agora.media.AccessToken2.Permission;
import io.agora.media.AccessToken2.PrivilegeApaas;
import io.agora.media.AccessToken2.PrivilegeChat;
import io.agora.media.AccessToken2.PrivilegeRtc;
import io.agora.media.AccessToken2.PrivilegeRtm;
import io.agora.media.AccessToken2.Service;
import io.agora.media.AccessToken2.ServiceRtc;
import io.agora.media.AccessToken2.ServiceRtm2.Permissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** AccessToken2 with its services: build from data, read back, verify, every failure path. */
class AccessToken2Test {
    /** FORMAT007.md's sample: the token of build007 case 0001. */
    static final String SAMPLE = "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj";

    static AccessToken2 sample() {
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 600);
        t.setIssueTs(1111111);
        t.setSalt(1);
        ServiceRtc rtc = new ServiceRtc(CHANNEL, (int) 2882341273L);
        rtc.addPrivilegeRtc(PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
        t.addService(rtc);
        return t;
    }

    @Test
    void buildsAgorasSampleAndReadsItBack() {
        assertEquals(SAMPLE, sample().build());
        ParsedToken2 p = AccessToken2.parseToken(SAMPLE);
        assertEquals("007", p.getVersion());
        assertEquals(APP_ID, p.getAppId());
        assertEquals(1111111, p.getIssueTs());
        assertEquals(600, p.getExpire());
        assertEquals(1111711, p.getExpiresAt());
        assertEquals(1, p.getSalt());
        assertEquals(64, p.getSignatureHex().length());
        List<Service> services = p.getServices();
        assertEquals(1, services.size());
        ServiceRtc rtc = (ServiceRtc) services.get(0);
        assertEquals(CHANNEL, rtc.getChannelName());
        assertEquals("2882341273", rtc.getUid());
        assertEquals(Map.of((short) 1, 600), rtc.getPrivileges());
        assertEquals(AccessToken2.SERVICE_TYPE_RTC, rtc.getServiceType());
        assertEquals(sample().getServices().get(0), rtc, "the parsed service equals the one built");
        assertTrue(p.verifySignature(CERT));
        assertFalse(p.verifySignature(CERT.toLowerCase()), "the certificate's case matters");
        assertEquals(p, AccessToken2.parseToken(SAMPLE));
        assertEquals(p.hashCode(), AccessToken2.parseToken(SAMPLE).hashCode());
        byte[] sig = p.getSignature();
        sig[0] ^= 1;
        assertNotEquals(sig[0], p.getSignature()[0], "a copy");
        // Reused services rebuild the same token.
        AccessToken2 again = new AccessToken2(APP_ID, CERT, 600L);
        again.setIssueTs(1111111);
        again.setSalt(1);
        services.forEach(again::addService);
        assertEquals(SAMPLE, again.build());
    }

    @Test
    void parseFillsTheObjectOrAnswersFalse() {
        AccessToken2 t = new AccessToken2();
        assertEquals("", t.appId);
        assertFalse(t.verifySignature(CERT), "nothing parsed yet: false, as Agora's");
        assertTrue(t.parse(SAMPLE));
        assertEquals(APP_ID, t.getAppId());
        assertEquals(600, t.getExpire());
        assertEquals(600, t.expire);
        assertEquals(1111111, t.getIssueTs());
        assertEquals(1111111, t.issueTs);
        assertEquals(1, t.getSalt());
        assertEquals(1, t.salt);
        assertEquals(1, t.getServices().size());
        assertEquals(1, t.getServices(AccessToken2.SERVICE_TYPE_RTC).size());
        assertEquals(0, t.getServices(AccessToken2.SERVICE_TYPE_RTM).size());
        assertTrue(t.verifySignature(CERT));
        assertFalse(t.verifySignature("0".repeat(32)));
        assertFalse(t.verifySignature("not hex"), "a malformed certificate: false, as Agora's");
        assertFalse(t.verifySignature(null));
        for (String bad : new String[] {"", "006" + SAMPLE.substring(3), SAMPLE + "=", SAMPLE.substring(0, 40), "007"}) {
            t.appCert = CERT;
            assertTrue(t.parse(SAMPLE));
            assertFalse(t.parse(bad), bad);
            assertEquals("", t.appId, "a failed parse clears the token's fields, as Agora's");
            assertEquals(0, t.issueTs);
            assertEquals(0, t.expire);
            assertEquals(0, t.salt);
            assertTrue(t.services.isEmpty());
            assertFalse(t.verifySignature(CERT), "nor may the previous token's signature be checked");
            assertEquals(CERT, t.appCert, "the certificate is not part of a token and stays");
        }
        assertFalse(t.parse(null));
    }

    @Test
    void everyServiceRoundTrips() {
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 3600);
        ServiceRtc rtc0 = new ServiceRtc("c", 0);
        rtc0.addPrivilege(PrivilegeRtc.PRIVILEGE_PUBLISH_DATA_STREAM, 5);
        rtc0.addPrivilege(PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 6);
        ServiceRtc rtcAccount = new ServiceRtc("c", "alice");
        AccessToken2.ServiceRtm rtm = new AccessToken2.ServiceRtm("alice");
        rtm.addPrivilegeRtm(PrivilegeRtm.PRIVILEGE_LOGIN, 60);
        AccessToken2.ServiceStreaming streaming = new AccessToken2.ServiceStreaming("c", 7L);
        streaming.addPrivilegeStreaming(AccessToken2.PrivilegeStreaming.PRIVILEGE_PUBLISH_RAW_STREAM, 1);
        AccessToken2.ServiceFpa fpa = new AccessToken2.ServiceFpa();
        fpa.addPrivilegeFpa(AccessToken2.PrivilegeFpa.PRIVILEGE_LOGIN, 0);
        AccessToken2.ServiceChat chat = new AccessToken2.ServiceChat();
        chat.addPrivilegeChat(PrivilegeChat.PRIVILEGE_CHAT_APP, 9);
        AccessToken2.ServiceFCdn fcdn = new AccessToken2.ServiceFCdn("c", "7");
        fcdn.addPrivilegeFCdn(AccessToken2.PrivilegeFCdn.PRIVILEGE_PLAY, 2);
        AccessToken2.ServiceApaas apaas = new AccessToken2.ServiceApaas("room", "user", (short) -32768);
        apaas.addPrivilegeApaas(PrivilegeApaas.PRIVILEGE_USER, 3);
        AccessToken2.ServiceRtm2 rtm2 = new AccessToken2.ServiceRtm2("用户-é-😀");
        rtm2.permissions.add(Permissions.USERS, Permissions.READ, List.of("a", "b"));
        rtm2.permissions.add(Permissions.MESSAGE_CHANNELS, Permissions.WRITE, List.of());
        rtm2.addPrivilegeRtm2(AccessToken2.PrivilegeRtm2.PRIVILEGE_LOGIN, 4);
        List<Service> all = List.of(new AccessToken2.ServiceStt(), rtc0, rtm2, rtcAccount, rtm, streaming, fpa, chat,
                fcdn, apaas, new AccessToken2.ServiceConvoAI());
        all.forEach(t::addService);
        ParsedToken2 p = AccessToken2.parseToken(t.build());
        List<Service> read = p.getServices();
        // Sorted by type; one type keeps the order added; privileges sorted by id.
        List<Service> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Integer.compare(a.getServiceType(), b.getServiceType()));
        assertEquals(sorted, read);
        assertEquals(List.of((short) 1, (short) 4), new ArrayList<>(read.get(0).getPrivileges().keySet()));
        assertEquals("", ((ServiceRtc) read.get(0)).getUid(), "uid 0 is the empty user string");
        assertEquals("7", ((AccessToken2.ServiceStreaming) read.get(3)).account);
        AccessToken2.ServiceRtm2 readRtm2 = (AccessToken2.ServiceRtm2) read.get(8);
        assertEquals("用户-é-😀", readRtm2.getUserId());
        assertEquals(List.of(new Permission(0, 1), new Permission(4, 0, "a", "b")), readRtm2.permissions.toList(),
                "packed ascending by resource and permission type");
        assertEquals(rtm2.permissions.details, readRtm2.permissions.details);
        assertEquals(Short.valueOf((short) -32768), ((AccessToken2.ServiceApaas) read.get(7)).getRole());
        assertEquals(Set.of(), read.get(10).getPrivileges().keySet());
        assertTrue(p.toString().startsWith("ParsedToken2[appId=" + APP_ID), p.toString());
        assertTrue(p.toString().contains("ServiceRtc[channelName=c, uid=, privileges={PRIVILEGE_JOIN_CHANNEL=6, "
                + "PRIVILEGE_PUBLISH_DATA_STREAM=5}]"), p.toString());
        assertTrue(p.toString().contains("ServiceStt[privileges={}]"), p.toString());
        assertFalse(p.toString().contains(CERT));
        // What parse fills in is the same.
        AccessToken2 parsed = new AccessToken2();
        assertTrue(parsed.parse(t.build()));
        assertEquals(read, parsed.services);
    }

    @Test
    void toStringIsJavaAndHidesTheCertificate() {
        String s = sample().toString();
        assertEquals("AccessToken2[appId=" + APP_ID + ", appCertificate=***, issueTs=1111111, expire=600, salt=1, "
                + "services=[ServiceRtc[channelName=" + CHANNEL + ", uid=2882341273, "
                + "privileges={PRIVILEGE_JOIN_CHANNEL=600}]]]", s);
        AccessToken2 fresh = new AccessToken2(APP_ID, CERT, 1);
        assertTrue(fresh.toString().contains("issueTs=" + fresh.getIssueTs() + ", expire=1, salt=" + fresh.getSalt()),
                fresh.toString());
        assertFalse(s.contains("Some(") || s.contains("None") || s.contains(" { "), "no Rust Debug syntax");
    }

    @Test
    void invalidInputNamesTheField() {
        Map<String, Runnable> cases = new HashMap<>();
        cases.put("app_id", () -> new AccessToken2("x", CERT, 1).buildOrThrow());
        cases.put("app_certificate", () -> {
            AccessToken2 t = new AccessToken2(APP_ID, "00112233445566778899aabbccdd ee ", 1);
            t.addService(new AccessToken2.ServiceFpa());
            t.buildOrThrow();
        });
        cases.put("no_service", () -> new AccessToken2(APP_ID, CERT, 1).buildOrThrow());
        cases.put("expire", () -> withService(new AccessToken2(APP_ID, CERT, 1L << 32), new AccessToken2.ServiceFpa()));
        cases.put("privilege", () -> {
            ServiceRtc rtc = new ServiceRtc("c", 1);
            rtc.privileges.put((short) 5, 0);
            withService(new AccessToken2(APP_ID, CERT, 1), rtc);
        });
        cases.put("channel_name", () -> withService(new AccessToken2(APP_ID, CERT, 1), new ServiceRtc("a/b", 1)));
        cases.put("user_account", () -> withService(new AccessToken2(APP_ID, CERT, 1), new ServiceRtc("c", "u".repeat(256))));
        cases.put("uid", () -> withService(new AccessToken2(APP_ID, CERT, 1), new ServiceRtc("c", -1L)));
        cases.put("user_id", () -> withService(new AccessToken2(APP_ID, CERT, 1), new AccessToken2.ServiceRtm("")));
        cases.put("room_uuid", () -> withService(new AccessToken2(APP_ID, CERT, 1),
                new AccessToken2.ServiceApaas("r".repeat(65536), "", (short) 1)));
        cases.put("permission", () -> {
            AccessToken2.ServiceRtm2 rtm2 = new AccessToken2.ServiceRtm2("u");
            rtm2.permissions.add((short) 5, Permissions.READ, List.of("x"));
            withService(new AccessToken2(APP_ID, CERT, 1), rtm2);
        });
        cases.put("issue_ts", () -> {
            AccessToken2 t = new AccessToken2(APP_ID, CERT, 1);
            t.setIssueTs(-1);
            withService(t, new AccessToken2.ServiceFpa());
        });
        cases.put("salt", () -> {
            AccessToken2 t = new AccessToken2(APP_ID, CERT, 1);
            t.setSalt(Long.MIN_VALUE);
            withService(t, new AccessToken2.ServiceFpa());
        });
        cases.put("service", () -> {
            Service rtcWithoutFields = new Service(AccessToken2.SERVICE_TYPE_RTC); // Agora's base class, a known type
            rtcWithoutFields.privileges.put((short) 1, 60);
            withService(new AccessToken2(APP_ID, CERT, 1), rtcWithoutFields);
        });
        cases.put("utf8", () -> withService(new AccessToken2(APP_ID, CERT, 1), new AccessToken2.ServiceRtm("a\ud83d")));
        for (Map.Entry<String, Runnable> c : cases.entrySet()) {
            AgoraTokenException e = assertCategory(c.getKey(), c.getValue()::run);
            assertTrue(e.getMessage().startsWith(c.getKey()), e.getMessage());
        }
        // The user string "" is uid 0 (any user), as in Agora's class.
        assertEquals("", ((ServiceRtc) AccessToken2.parseToken(withService(new AccessToken2(APP_ID, CERT, 1),
                new ServiceRtc("c", ""))).getServices().get(0)).uid);
        // Where Agora's build returns "", so does build(); buildOrThrow() said why above.
        assertEquals("", new AccessToken2("x", CERT, 1).build());
        assertEquals("", withService(new AccessToken2(APP_ID, "x", 1), new AccessToken2.ServiceFpa()));
        assertEquals("", new AccessToken2(APP_ID, CERT, 1).build());
        // A privilege or RTM2 pair given again replaces the first (the maps are Agora's TreeMaps).
        ServiceRtc twice = new ServiceRtc("c", 1);
        twice.addPrivilegeRtc(PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 1);
        twice.addPrivilegeRtc(PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 2);
        assertEquals(Map.of((short) 1, 2), AccessToken2.parseToken(withService(new AccessToken2(APP_ID, CERT, 1), twice))
                .getServices().get(0).getPrivileges());
        AccessToken2.ServiceRtm2 pairTwice = new AccessToken2.ServiceRtm2("u");
        pairTwice.permissions.add((short) 1, (short) 1, List.of());
        pairTwice.permissions.add((short) 1, (short) 1, List.of("x"));
        assertEquals(List.of(new Permission(1, 1, "x")), ((AccessToken2.ServiceRtm2) AccessToken2.parseToken(
                withService(new AccessToken2(APP_ID, CERT, 1), pairTwice)).getServices().get(0)).permissions.toList());
    }

    static String withService(AccessToken2 t, Service s) {
        t.addService(s);
        return t.build();
    }

    @Test
    void nullsAreNullArgumentWithTheFieldsName() {
        assertCategory("null_argument", () -> new AccessToken2(null, CERT, 1).build());
        assertCategory("null_argument", () -> withService(new AccessToken2(APP_ID, null, 1), new AccessToken2.ServiceFpa()));
        assertCategory("null_argument", () -> new AccessToken2(APP_ID, CERT, 1).addService(null));
        AgoraTokenException e = assertCategory("null_argument",
                () -> withService(new AccessToken2(APP_ID, CERT, 1), new ServiceRtc(null, 1)));
        assertTrue(e.getMessage().contains("channel_name"), e.getMessage());
        e = assertCategory("null_argument", () -> withService(new AccessToken2(APP_ID, CERT, 1), new ServiceRtc("c", null)));
        assertTrue(e.getMessage().contains("uid"), e.getMessage());
        assertCategory("null_argument", () -> withService(new AccessToken2(APP_ID, CERT, 1), new AccessToken2.ServiceRtm(null)));
        assertCategory("null_argument", () -> new ServiceRtc("c", 1).addPrivilege(null, 1));
        assertCategory("null_argument", () -> new AccessToken2.ServiceRtm2("u").permissions.add((short) 0, (short) 0, null));
        assertCategory("null_argument", () -> new Permission(0, 0, (List<String>) null));
        AccessToken2.ServiceRtm2 nullResource = new AccessToken2.ServiceRtm2("u");
        nullResource.permissions.add((short) 0, (short) 0, java.util.Arrays.asList("a", null));
        assertCategory("null_argument", () -> withService(new AccessToken2(APP_ID, CERT, 1), nullResource));
        assertCategory("null_argument", () -> AccessToken2.parseToken(null));
        assertCategory("null_argument", () -> AccessToken2.verify(null, CERT, 0));
        assertCategory("null_argument", () -> AccessToken2.verify(SAMPLE, null, 0));
        assertCategory("null_argument", () -> AccessToken2.verify(SAMPLE, CERT, null, 1L, 0));
        assertCategory("null_argument", () -> AccessToken2.verify(SAMPLE, CERT, CHANNEL, (String) null, 0));
        assertCategory("null_argument", () -> AccessToken2.verifyRtm(SAMPLE, CERT, null, 0));
    }

    @Test
    void verifyOrderAndResults() {
        long t0 = 1111111;
        assertEquals(VerifyResult.OK, AccessToken2.verify(SAMPLE, CERT, t0 + 600));
        assertEquals(VerifyResult.EXPIRED, AccessToken2.verify(SAMPLE, CERT, t0 + 601));
        assertEquals(VerifyResult.SIGNATURE_MISMATCH, AccessToken2.verify(SAMPLE, "0".repeat(32), t0));
        assertEquals(VerifyResult.OK, AccessToken2.verify(SAMPLE, CERT, CHANNEL, 2882341273L, t0));
        assertEquals(VerifyResult.OK, AccessToken2.verify(SAMPLE, CERT, CHANNEL, (int) 2882341273L, t0));
        assertEquals(VerifyResult.OK, AccessToken2.verify(SAMPLE, CERT, CHANNEL, "2882341273", t0));
        assertEquals(VerifyResult.CHANNEL_MISMATCH, AccessToken2.verify(SAMPLE, CERT, "other", 2882341273L, t0));
        assertEquals(VerifyResult.UID_MISMATCH, AccessToken2.verify(SAMPLE, CERT, CHANNEL, 1L, t0));
        assertEquals(VerifyResult.SERVICE_MISSING, AccessToken2.verifyRtm(SAMPLE, CERT, "alice", t0));
        String rtm = new io.agora.rtm.RtmTokenBuilder2().buildToken(APP_ID, CERT, "alice", 600);
        long now = Fixtures.now();
        assertEquals(VerifyResult.OK, AccessToken2.verifyRtm(rtm, CERT, "alice", now));
        assertEquals(VerifyResult.UID_MISMATCH, AccessToken2.verifyRtm(rtm, CERT, "bob", now));
        assertEquals(VerifyResult.SERVICE_MISSING, AccessToken2.verify(rtm, CERT, CHANNEL, 1L, now));
        // JoinChannel's own expiry.
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 3600);
        t.setIssueTs(1000);
        ServiceRtc rtc = new ServiceRtc("c", 5);
        rtc.addPrivilegeRtc(PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 60);
        t.addService(rtc);
        String token = t.build();
        assertEquals(VerifyResult.OK, AccessToken2.verify(token, CERT, "c", 5L, 1060));
        assertEquals(VerifyResult.PRIVILEGE_EXPIRED, AccessToken2.verify(token, CERT, "c", 5L, 1061));
        // Malformed input throws; a failed check does not.
        assertCategory("app_certificate", () -> AccessToken2.verify(SAMPLE, "x", t0));
        assertCategory("version", () -> AccessToken2.verify(Fixtures.TOKEN_UID_0, CERT, t0));
        assertCategory("uid", () -> AccessToken2.verify(SAMPLE, CERT, CHANNEL, 1L << 32, t0));
    }

    @Test
    void malformedArraysReachingTheNativeEntryAreErrorsNotCrashes() {
        long none = Native.NONE;
        byte[] out = new byte[512];
        String[] five = {"c", null, null, null, null};
        // expire, count, then a service: type, uid, role, n privileges, ..., n permissions.
        long[] good = {600, 1, 1, 7, none, 1, 1, 600, 0};
        assertTrue(Native.build007(Native.DATA, APP_ID, CERT, five, good, 1, 1, out) > 0);
        long[][] bad = {
            {600, -1},                                      // a negative count
            {600, Long.MAX_VALUE},                          // a count beyond what follows
            {600, 1, 1, 7, none, 1 << 40, 1, 600, 0},       // a privilege count beyond what follows
            {600, 1, 1, 7, none, 1, 1, 600, 1 << 30},       // a permission count beyond what follows
            {600, 1, 1, 7, none, 1, 1},                     // ends inside a privilege
            {600, 1, 1, 7, none, 1, 1, 600, 0, 5},          // an integer left over (read as a count of other services)
            {600, 1, 1, 7, none, 1, 1, 600, 0, 1, 999, 1},  // ends inside a base-class service's privileges
            {},                                             // nothing at all
        };
        for (long[] ints : bad) {
            AgoraTokenException e = assertThrows(AgoraTokenException.class,
                    () -> Native.build007(Native.DATA, APP_ID, CERT, five, ints, 1, 1, out), java.util.Arrays.toString(ints));
            assertEquals("null_argument", e.getCategory(), e.getMessage());
        }
        assertCategory("null_argument", () -> Native.build007(Native.DATA, APP_ID, CERT, new String[] {"c"}, good, 1, 1, out));
        assertCategory("null_argument", () -> Native.build007(Native.DATA, APP_ID, CERT, null, null, 1, 1, out));
        assertCategory("null_argument", () -> Native.build007(Native.DATA, APP_ID, CERT, five, good, 1, 1, null));
        assertTrue(Native.build007(Native.DATA, APP_ID, CERT, five, good, 1, 1, new byte[3]) < -100, "minus the length needed");
        // The recipe entry with its permissions' counts.
        assertCategory("null_argument", () -> Native.build007(Recipes.RTM_BUILD_TOKEN_WITH_PERMISSIONS, APP_ID, CERT,
                new String[] {"u"}, new long[] {1, 0, 0, 5}, none, none, out));
        assertTrue(Native.build007(Recipes.RTM_BUILD_TOKEN_WITH_PERMISSIONS, APP_ID, CERT, new String[] {"u", "r"},
                new long[] {1, 0, 0, 1}, none, none, out) > 0, "expire left out: python3's default");
    }

    @Test
    void orEmptyIsTheReferencesConvention() {
        assertEquals("", AccessToken2.orEmpty(() -> new AccessToken2("x", CERT, 1).build()));
        assertEquals("", AccessToken2.orEmpty(() -> new FpaTokenBuilder().buildToken(APP_ID, "bad")));
        assertTrue(AccessToken2.orEmpty(() -> new FpaTokenBuilder().buildToken(APP_ID, CERT)).startsWith("007"));
        assertThrows(IllegalStateException.class, () -> AccessToken2.orEmpty(() -> {
            throw new IllegalStateException("not ours");
        }), "only AgoraTokenException becomes \"\"");
    }

    @Test
    void longStringsAndManyServices() {
        AccessToken2 t = new AccessToken2(APP_ID, CERT, 60);
        String longId = "u".repeat(255);
        for (int i = 0; i < 200; i++) {
            AccessToken2.ServiceRtm2 s = new AccessToken2.ServiceRtm2(longId);
            s.permissions.add(Permissions.STREAM_CHANNELS, Permissions.READ, List.of("r".repeat(1000)));
            t.addService(s);
        }
        String token = t.build();
        assertTrue(token.length() > 512, "longer than the first buffer: " + token.length());
        assertEquals(200, AccessToken2.parseToken(token).getServices().size());
        assertEquals(longId, ((AccessToken2.ServiceRtm2) AccessToken2.parseToken(token).getServices().get(0)).getUserId());
        assertCategory("user_id", () -> withService(new AccessToken2(APP_ID, CERT, 1), new AccessToken2.ServiceRtm(longId + "u")));
        assertCategory("too_long", () -> AccessToken2.parseToken("007" + "A".repeat(70000)));
    }
}
