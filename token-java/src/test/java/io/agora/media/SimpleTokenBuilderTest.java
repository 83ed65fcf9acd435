package io.agora.media;

import static io.agora.media.Fixtures.APP_ID;
import static io.agora.media.Fixtures.CERT;
import static io.agora.media.Fixtures.CHANNEL;
import static io.agora.media.Fixtures.EXPIRE;
import static io.agora.media.Fixtures.SALT;
import static io.agora.media.Fixtures.TOKEN_UID_0;
import static io.agora.media.Fixtures.TOKEN_UID_2882341273;
import static io.agora.media.Fixtures.TS;
import static io.agora.media.Fixtures.UID;
import static io.agora.media.Fixtures.assertCategory;
import static io.agora.media.Fixtures.crc32;
import static io.agora.media.Fixtures.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agora.media.AccessToken.Privileges;
import io.agora.media.SimpleTokenBuilder.Role;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SimpleTokenBuilderTest {

    @Test
    void uidAbove2pow31SignsUnsignedThroughEveryOverload() {
        int asInt = (int) 2882341273L;
        assertEquals(-1412626023, asInt, "the int a Java caller holds for uid 2882341273");
        try (SimpleTokenBuilder viaInt = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, asInt);
                SimpleTokenBuilder viaLong = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, 2882341273L);
                SimpleTokenBuilder viaString = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, "2882341273")) {
            for (SimpleTokenBuilder b : List.of(viaInt, viaLong, viaString)) {
                b.setSalt(SALT);
                b.setTs(TS);
                b.setPrivilege(Privileges.kJoinChannel, (int) EXPIRE);
                String token = b.buildToken();
                assertEquals(TOKEN_UID_2882341273, token);
                ParsedToken parsed = AccessToken.parse(token);
                assertEquals(crc32("2882341273"), parsed.getCrcUid());
                assertNotEquals(crc32("-1412626023"), parsed.getCrcUid(), "the reference builder's signed bug");
                assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, CHANNEL, 2882341273L, TS));
                assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, CHANNEL, asInt, TS));
            }
        }
        // What the reference builder signs for that int ("-1412626023") is another user.
        try (SimpleTokenBuilder signedBug = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, "-1412626023")) {
            String token = signedBug.buildToken();
            assertEquals(VerifyResult.UID_MISMATCH, AccessToken.verify(token, CERT, CHANNEL, 2882341273L, TS));
        }
    }

    @Test
    void uidZeroSignsTheEmptyString() {
        try (SimpleTokenBuilder b = fixed(0)) {
            String token = b.buildToken();
            assertEquals(TOKEN_UID_0, token);
            assertEquals(0L, AccessToken.parse(token).getCrcUid());
        }
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, 0)) {
            b.setSalt(SALT);
            b.setTs(TS);
            b.setPrivilege(Privileges.kJoinChannel, EXPIRE);
            assertEquals(TOKEN_UID_0, b.buildToken());
        }
    }

    @Test
    void longUidRange() {
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, 4294967295L)) {
            assertEquals(crc32("4294967295"), AccessToken.parse(b.buildToken()).getCrcUid());
        }
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, -1)) {
            assertEquals(crc32("4294967295"), AccessToken.parse(b.buildToken()).getCrcUid(), "int -1 is 2^32-1");
        }
        for (long bad : new long[] {-1L, 4294967296L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            AgoraTokenException e = assertCategory("uid", () -> new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, bad));
            assertEquals(-5, e.getCode());
            assertTrue(e.getMessage().startsWith("uid"), e.getMessage());
        }
    }

    @Test
    void nullArgumentsThrowNullArgument() {
        assertCategory("null_argument", () -> new SimpleTokenBuilder(null, CERT, CHANNEL, 1L));
        assertCategory("null_argument", () -> new SimpleTokenBuilder(APP_ID, null, CHANNEL, 1L));
        assertCategory("null_argument", () -> new SimpleTokenBuilder(APP_ID, CERT, null, 1L));
        assertCategory("null_argument", () -> new SimpleTokenBuilder(APP_ID, CERT, null, 1));
        assertCategory("null_argument", () -> new SimpleTokenBuilder(null, CERT, CHANNEL, "acc"));
        assertCategory("null_argument", () -> new SimpleTokenBuilder(APP_ID, null, CHANNEL, "acc"));
        assertCategory("null_argument", () -> new SimpleTokenBuilder(APP_ID, CERT, null, "acc"));
        AgoraTokenException e = assertCategory(
                "null_argument", () -> new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, (String) null));
        assertTrue(e.getMessage().contains("userAccount"), e.getMessage());
        assertEquals(-18, e.getCode());
        try (SimpleTokenBuilder b = fixed(UID)) {
            assertCategory("null_argument", () -> b.initTokenBuilder(null));
            assertCategory("null_argument", () -> b.initPrivileges(null));
            assertCategory("null_argument", () -> b.setPrivilege(null, 0));
            assertCategory("null_argument", () -> b.setPrivilege(null, 0L));
            assertCategory("null_argument", () -> b.removePrivilege(null));
            assertEquals(TOKEN_UID_2882341273, b.buildToken(), "failed calls leave the builder unchanged");
        }
    }

    @Test
    void invalidFieldsThrowTheirCategory() {
        assertCategory("app_id", () -> new SimpleTokenBuilder("970CA35de60c44645bbae8a215061b3", CERT, CHANNEL, 1L));
        assertCategory("app_id", () -> new SimpleTokenBuilder("970CA35de60c44645bbae8a215061b3x", CERT, CHANNEL, 1L));
        assertCategory("app_id", () -> new SimpleTokenBuilder("", CERT, CHANNEL, "a"));
        String[] badCerts = {"", CERT + "0", CERT.substring(1), CERT.substring(0, 31) + "g", CERT.substring(0, 31) + "é"};
        for (String badCert : badCerts) {
            AgoraTokenException e = assertCategory(
                    "app_certificate", () -> new SimpleTokenBuilder(APP_ID, badCert, CHANNEL, 1L));
            assertEquals(-2, e.getCode());
            if (!badCert.isEmpty()) {
                assertFalse(e.getMessage().contains(badCert), "the bad certificate is not quoted either");
                assertFalse(e.getMessage().contains(badCert.substring(0, 8)));
            }
        }
        String[] badNames = {"", "x".repeat(65), "a/b", "a\"b", "a\0b", "é", "中文", "a\nb", "\uD83D\uDE00", "\uD800"};
        for (String bad : badNames) {
            AgoraTokenException e = assertCategory("channel_name", () -> new SimpleTokenBuilder(APP_ID, CERT, bad, 1L));
            assertEquals(-3, e.getCode());
            if (bad.length() != 65) { // 65 bytes is a valid account (the limit is 255)
                assertCategory("user_account", () -> new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, bad));
            }
        }
        assertCategory("user_account", () -> new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, "u".repeat(256)));
        try (SimpleTokenBuilder ok = new SimpleTokenBuilder(APP_ID, CERT, "x".repeat(64), "u".repeat(255))) {
            assertTrue(ok.buildToken().startsWith("006" + APP_ID));
        }
        String all = "azAZ09 !#$%&()+-:;<=.>?@[]^_{}|~,";
        try (SimpleTokenBuilder ok = new SimpleTokenBuilder(APP_ID, CERT, all, all)) {
            String token = ok.buildToken();
            assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, all, all, Fixtures.now()));
        }
    }

    @Test
    void longStringsTakeTheGeneralPathWithTheSameChecks() {
        // Strings over 256 UTF-16 units are read through GetStringUTFChars instead of a stack buffer.
        assertCategory("user_account", () -> new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, "u".repeat(257)));
        assertCategory("user_account", () -> new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, "u".repeat(280) + "\uD800"));
        assertCategory("channel_name", () -> new SimpleTokenBuilder(APP_ID, CERT, "c".repeat(300) + "é", 1L));
        assertCategory("app_certificate", () -> new SimpleTokenBuilder(APP_ID, CERT.repeat(9), CHANNEL, 1L));
        assertCategory("trailing", () -> AccessToken.parse("006" + APP_ID + "AAAA".repeat(100)));
        assertCategory("base64", () -> AccessToken.parse("006" + APP_ID + "AAAA".repeat(100) + "é"));
        String token;
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, "u".repeat(255))) {
            for (Privileges p : Privileges.values()) {
                b.setPrivilege(p, 1L);
            }
            token = b.buildToken();
        }
        String account = "u".repeat(255);
        assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, CHANNEL, account, 1L));
        // A token longer than 256 characters: the content carries 60 extra privilege entries.
        byte[] content = java.util.Base64.getDecoder().decode(token.substring(35));
        assertTrue(token.length() < 256);
        java.nio.ByteBuffer msg = java.nio.ByteBuffer.allocate(10 + 6 * 74).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        msg.putInt(1).putInt(2).putShort((short) 74);
        for (int id = 2000; id < 2074; id++) {
            msg.putShort((short) id).putInt(id);
        }
        java.nio.ByteBuffer c = java.nio.ByteBuffer.allocate(2 + 32 + 8 + 2 + msg.capacity())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        c.put(content, 0, 42).putShort((short) msg.capacity()).put(msg.array());
        String longToken = "006" + APP_ID + java.util.Base64.getEncoder().encodeToString(c.array());
        assertTrue(longToken.length() > 600);
        ParsedToken parsed = AccessToken.parse(longToken);
        assertEquals(74, parsed.getPrivileges().size());
        assertEquals(2073L, parsed.getPrivileges().get(2073));
        assertEquals(VerifyResult.SIGNATURE_MISMATCH, AccessToken.verify(longToken, CERT, CHANNEL, account, 1L));
        // A builder taking those 74 privileges builds a token longer than its first buffer.
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, account)) {
            assertTrue(b.initTokenBuilder(longToken));
            assertEquals(74, b.getPrivileges().size());
            for (int round = 0; round < 3; round++) {
                String rebuilt = b.buildToken();
                assertTrue(rebuilt.length() > Native.TOKEN_BUFFER, "length " + rebuilt.length());
                assertEquals(VerifyResult.OK, AccessToken.verify(rebuilt, CERT, CHANNEL, account, 1L));
                assertEquals(parsed.getPrivileges(), AccessToken.parse(rebuilt).getPrivileges());
            }
            b.initPrivileges(Role.Role_Subscriber);
            assertEquals(VerifyResult.OK, AccessToken.verify(b.buildToken(), CERT, CHANNEL, account, 1L));
        }
    }

    @Test
    void userAccountIsUsedAsIs() {
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, "007")) {
            String token = b.buildToken();
            assertEquals(crc32("007"), AccessToken.parse(token).getCrcUid());
            assertEquals(VerifyResult.UID_MISMATCH, AccessToken.verify(token, CERT, CHANNEL, 7L, Fixtures.now()));
        }
    }

    @Test
    void initTokenBuilderCopiesThePrivileges() {
        String origin;
        try (SimpleTokenBuilder a = fixed(UID)) {
            a.setPrivilege(Privileges.kPublishAudioStream, 42L);
            origin = a.buildToken();
        }
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, "2882341273")) {
            assertTrue(b.initTokenBuilder(origin));
            // Salt and ts are drawn afresh (token-core's rule): set them for the same token.
            assertEquals(OptionalLong.empty(), b.getSalt());
            assertEquals(OptionalLong.empty(), b.getTs());
            b.setSalt(SALT);
            b.setTs(TS);
            assertEquals(Map.of(1, EXPIRE, 2, 42L), b.getPrivileges());
            assertEquals(origin, b.buildToken());
            b.removePrivilege(Privileges.kPublishAudioStream);
            b.removePrivilege(Privileges.kRtmLogin); // absent: nothing happens
            assertEquals(TOKEN_UID_2882341273, b.buildToken());
        }
    }

    @Test
    void initTokenBuilderFailuresLeaveTheBuilderUnchanged() {
        String origin;
        try (SimpleTokenBuilder a = fixed(UID)) {
            origin = a.buildToken();
        }
        String otherApp = "006" + "0".repeat(32) + origin.substring(35);
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, 5L);
                SimpleTokenBuilder c = new SimpleTokenBuilder(APP_ID, CERT, "other", UID)) {
            b.setSalt(9);
            b.setTs(10);
            String before = b.buildToken();
            assertCategory("uid_mismatch", () -> b.initFromToken(origin));
            assertCategory("channel_mismatch", () -> c.initFromToken(origin));
            assertCategory("app_id_mismatch", () -> b.initFromToken(otherApp));
            assertCategory("version", () -> b.initFromToken("007" + origin.substring(3)));
            assertCategory("app_id", () -> b.initFromToken("006xyz"));
            assertCategory("base64", () -> b.initFromToken(origin + "*"));
            assertCategory("truncated", () -> b.initFromToken(origin.substring(0, 35)));
            assertCategory("trailing", () -> b.initFromToken(origin.substring(0, origin.length() - 4) + "AAAAAAAA"));
            assertCategory("version", () -> b.initFromToken(""));
            // The documented form answers false for each of them.
            for (String bad : new String[] {origin, otherApp, "007" + origin.substring(3), "006xyz",
                    origin + "*", origin.substring(0, 35), ""}) {
                assertFalse(b.initTokenBuilder(bad), bad);
            }
            assertFalse(c.initTokenBuilder(origin));
            assertCategory("null_argument", () -> b.initFromToken(null));
            assertEquals(before, b.buildToken());
            assertEquals(OptionalLong.of(9), b.getSalt());
        }
    }

    @Test
    void initPrivilegesFollowsTheCoreRoleTable() {
        try (SimpleTokenBuilder b = fixed(UID)) {
            for (Role role : Role.values()) {
                b.setPrivilege(Privileges.kRtmLogin, 5L);
                assertTrue(b.initPrivileges(role));
                SortedMap<Integer, Long> want = new TreeMap<>();
                for (int id : Fixtures.rolePrivileges(role.initValue)) {
                    want.put(id, 0L);
                }
                assertFalse(want.isEmpty());
                assertEquals(want, b.getPrivileges(), role.name());
                assertTrue(b.getPrivileges().containsKey(Privileges.kJoinChannel.id()));
            }
            b.initPrivileges(Role.Role_Subscriber);
            assertEquals(Map.of(1, 0L), b.getPrivileges());
            b.initPrivileges(Role.Role_Publisher);
            assertEquals(Map.of(1, 0L, 2, 0L, 3, 0L, 4, 0L), b.getPrivileges());
        }
        assertEquals(null, Fixtures.rolePrivileges(3));
    }

    @Test
    void setPrivilegeExpiry() {
        try (SimpleTokenBuilder b = fixed(UID)) {
            b.setPrivilege(Privileges.kPublishVideoStream, -1); // int bits: 4294967295
            b.setPrivilege(Privileges.kAdministrateChannel, 4294967295L);
            b.setPrivilege(Privileges.kRtmLogin, 0);
            assertEquals(Map.of(1, EXPIRE, 3, 4294967295L, 101, 4294967295L, 1000, 0L), b.getPrivileges());
            ParsedToken parsed = AccessToken.parse(b.buildToken());
            assertEquals(b.getPrivileges(), parsed.getPrivileges());
            assertEquals(OptionalLong.of(4294967295L), parsed.getPrivilege(Privileges.kPublishVideoStream));
            assertEquals(OptionalLong.empty(), parsed.getPrivilege(Privileges.kPublishDataStream));
            for (long bad : new long[] {-1L, 4294967296L}) {
                AgoraTokenException e = assertCategory("expire_ts", () -> b.setPrivilege(Privileges.kJoinChannel, bad));
                assertEquals(-17, e.getCode());
            }
            assertEquals(EXPIRE, b.getPrivileges().get(1));
            assertThrows(UnsupportedOperationException.class, () -> b.getPrivileges().put(2, 0L));
        }
    }

    @Test
    void saltAndTsSettersAndDefaults() {
        try (SimpleTokenBuilder b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, UID)) {
            assertEquals(OptionalLong.empty(), b.getSalt());
            assertEquals(OptionalLong.empty(), b.getTs());
            long before = Fixtures.now();
            ParsedToken t1 = AccessToken.parse(b.buildToken());
            ParsedToken t2 = AccessToken.parse(b.buildToken());
            long after = Fixtures.now();
            assertTrue(t1.getTs() >= before + 86400 && t1.getTs() <= after + 86400, "ts = now + 24 h");
            // Two fresh 32-bit salts collide with probability 2^-32; three tokens make it 2^-64.
            ParsedToken t3 = AccessToken.parse(b.buildToken());
            assertFalse(t1.getSalt() == t2.getSalt() && t2.getSalt() == t3.getSalt(), "a fresh salt per token");

            b.setSalt(0);
            b.setTs(4294967295L);
            assertEquals(OptionalLong.of(0), b.getSalt());
            assertEquals(OptionalLong.of(4294967295L), b.getTs());
            ParsedToken fixed = AccessToken.parse(b.buildToken());
            assertEquals(0, fixed.getSalt());
            assertEquals(4294967295L, fixed.getTs());
            assertEquals(b.buildToken(), b.buildToken(), "fixed salt and ts: reproducible");

            AgoraTokenException e = assertCategory("salt", () -> b.setSalt(-1));
            assertEquals(-15, e.getCode());
            assertCategory("salt", () -> b.setSalt(4294967296L));
            e = assertCategory("ts", () -> b.setTs(-1));
            assertEquals(-16, e.getCode());
            assertCategory("ts", () -> b.setTs(1L << 32));
            assertEquals(OptionalLong.of(0), b.getSalt(), "unchanged by the failures");

            b.clearSalt();
            b.clearTs();
            assertEquals(OptionalLong.empty(), b.getSalt());
            assertEquals(OptionalLong.empty(), b.getTs());
        }
    }

    @Test
    void closeIsIdempotentAndLaterCallsThrow() {
        SimpleTokenBuilder b = fixed(UID);
        long live = Native.liveBuilders();
        b.close();
        assertEquals(live - 1, Native.liveBuilders());
        b.close();
        assertEquals(live - 1, Native.liveBuilders(), "a second close frees nothing");
        assertEquals("SimpleTokenBuilder[closed]", b.toString());
        List<org.junit.jupiter.api.function.Executable> calls = List.of(
                b::buildToken, () -> b.initTokenBuilder(TOKEN_UID_0), () -> b.initPrivileges(Role.Role_Admin),
                () -> b.setPrivilege(Privileges.kJoinChannel, 1), () -> b.removePrivilege(Privileges.kJoinChannel),
                b::getPrivileges, () -> b.setSalt(1), b::clearSalt, b::getSalt, () -> b.setTs(1), b::clearTs,
                b::getTs);
        for (org.junit.jupiter.api.function.Executable call : calls) {
            assertThrows(IllegalStateException.class, call);
        }
    }

    @Test
    void toStringHidesTheCertificate() {
        try (SimpleTokenBuilder b = fixed(UID)) {
            String s = b.toString();
            assertTrue(s.contains(APP_ID), s);
            assertTrue(s.contains(CHANNEL), s);
            assertTrue(s.contains("2882341273"), s);
            assertTrue(s.contains("***"), s);
            assertFalse(s.contains(CERT), s);
            assertFalse(s.toLowerCase().contains(CERT.toLowerCase()), s);
        }
    }

    @Test
    void aPanicInNativeCodeIsThrownAsInternal() {
        for (int i = 0; i < 3; i++) {
            AgoraTokenException e = assertCategory("internal", () -> Native.selfTestPanic(false));
            assertEquals(-19, e.getCode());
            assertFalse(e.getMessage().contains("self-test"), "the panic payload is not quoted");
        }
        try (SimpleTokenBuilder b = fixed(UID)) {
            assertEquals(TOKEN_UID_2882341273, b.buildToken(), "the library still works after a panic");
        }
    }

    @Test
    void aPanicOnTheBuildPathIsThrownAsInternal() {
        // buildToken's native method skips the jni crate's helper (run_raw in lib.rs): a panic
        // there, while the thread's token buffer is in use, must be thrown the same way.
        for (int i = 0; i < 3; i++) {
            AgoraTokenException e = assertCategory("internal", () -> Native.selfTestPanic(true));
            assertEquals(-19, e.getCode());
            assertFalse(e.getMessage().contains("self-test"), "the panic payload is not quoted");
        }
        try (SimpleTokenBuilder b = fixed(UID)) {
            assertEquals(TOKEN_UID_2882341273, b.buildToken(), "the token buffer is usable after a panic");
            assertEquals(TOKEN_UID_2882341273, b.buildToken());
        }
    }

    @Test
    void nativeHandleZeroIsRefusedNotACrash() {
        assertCategory("null_argument", () -> Native.builderBuildToken(0, new byte[400], 400));
        assertCategory("null_argument", () -> Native.builderSet(0, Native.SET_SALT, 0, 1));
        assertCategory("null_argument", () -> Native.builderState(0));
        assertCategory("null_argument", () -> Native.builderInitTokenBuilder(0, TOKEN_UID_0));
        Native.builderFree(0); // a no-op
        AgoraTokenException e = Native.nullArgument(null);
        assertEquals("null_argument", e.getCategory());
        long h = Native.builderNew(APP_ID, CERT, CHANNEL, null, 1);
        try {
            for (int bad : new int[] {0, 13, -1, 65536 + 1, 100, 1001}) {
                AgoraTokenException p = assertCategory("privilege", () -> Native.builderSet(h, Native.SET_PRIVILEGE, bad, 0));
                assertEquals(-13, p.getCode());
                assertCategory("privilege", () -> Native.builderSet(h, Native.REMOVE_PRIVILEGE, bad, 0));
            }
            for (int bad : new int[] {3, -1, 100, 102, 65536}) {
                AgoraTokenException r = assertCategory("role", () -> Native.builderSet(h, Native.INIT_PRIVILEGES, bad, 0));
                assertEquals(-14, r.getCode());
            }
            assertCategory("internal", () -> Native.builderSet(h, 99, 0, 0));
            assertEquals(2, Native.builderState(h).length, "no privileges yet");
            assertCategory("null_argument", () -> Native.builderBuildToken(h, null, 400));
            byte[] tiny = new byte[8];
            int n = Native.builderBuildToken(h, tiny, tiny.length);
            assertTrue(n < 0, "minus the length needed: " + n);
            byte[] exact = new byte[-n];
            assertEquals(-n, Native.builderBuildToken(h, exact, exact.length));
            // A capacity larger than the array (a bug of the caller) is refused by the JVM's own
            // bounds check: an exception, never a write past the array.
            byte[] shortArray = new byte[-n - 1];
            assertThrows(ArrayIndexOutOfBoundsException.class,
                    () -> Native.builderBuildToken(h, shortArray, shortArray.length + 1));
            assertEquals(-n, Native.builderBuildToken(h, exact, exact.length), "still builds after it");
        } finally {
            Native.builderFree(h);
        }
    }
}
