package io.agora.media;

import static io.agora.media.Fixtures.APP_ID;
import static io.agora.media.Fixtures.CERT;
import static io.agora.media.Fixtures.CHANNEL;
import static io.agora.media.Fixtures.EXPIRE;
import static io.agora.media.Fixtures.TOKEN_UID_2882341273;
import static io.agora.media.Fixtures.TS;
import static io.agora.media.Fixtures.UID;
import static io.agora.media.Fixtures.assertCategory;
import static io.agora.media.Fixtures.crc32;
import static io.agora.media.Fixtures.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agora.media.AccessToken.Privileges;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    @Test
    void parseReadsEveryField() {
        ParsedToken p = AccessToken.parse(TOKEN_UID_2882341273);
        assertEquals(APP_ID, p.getAppId());
        assertEquals(32, p.getSignature().length);
        assertEquals(64, p.getSignatureHex().length());
        assertEquals(p.getSignatureHex(), p.getSignatureHex().toLowerCase());
        assertEquals(crc32(CHANNEL), p.getCrcChannelName());
        assertEquals(crc32("2882341273"), p.getCrcUid());
        assertEquals(1, p.getSalt());
        assertEquals(TS, p.getTs());
        assertEquals(Map.of(1, EXPIRE), p.getPrivileges());
        assertEquals(p, AccessToken.parse(TOKEN_UID_2882341273));
        assertEquals(p.hashCode(), AccessToken.parse(TOKEN_UID_2882341273).hashCode());
        byte[] sig = p.getSignature();
        sig[0] ^= 1;
        assertNotEquals(sig[0], p.getSignature()[0], "getSignature returns a copy");
        assertTrue(p.toString().contains(APP_ID));
        assertCategory("null_argument", () -> p.getPrivilege(null));
    }

    @Test
    void parseRejectsMalformedTokens() {
        String t = TOKEN_UID_2882341273;
        byte[] content = Base64.getDecoder().decode(t.substring(35));
        String head = t.substring(0, 35);
        assertCategory("null_argument", () -> AccessToken.parse(null));
        assertCategory("version", () -> AccessToken.parse(""));
        assertCategory("version", () -> AccessToken.parse("007" + t.substring(3)));
        assertCategory("app_id", () -> AccessToken.parse("006" + "g" + t.substring(4)));
        assertCategory("app_id", () -> AccessToken.parse("006abc"));
        assertCategory("truncated", () -> AccessToken.parse(head));
        assertCategory("base64", () -> AccessToken.parse(t.substring(0, t.length() - 1)));
        assertCategory("base64", () -> AccessToken.parse(t + "\n"));
        assertCategory("base64", () -> AccessToken.parse(head + " " + t.substring(35)));
        assertCategory("base64", () -> AccessToken.parse(head + "é" + t.substring(35)));
        byte[] shorter = java.util.Arrays.copyOf(content, content.length - 1);
        assertCategory("truncated", () -> AccessToken.parse(head + Base64.getEncoder().encodeToString(shorter)));
        byte[] longer = java.util.Arrays.copyOf(content, content.length + 1);
        assertCategory("trailing", () -> AccessToken.parse(head + Base64.getEncoder().encodeToString(longer)));
        for (int cut = 0; cut < content.length; cut++) {
            String token = head + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(content, cut));
            AgoraTokenException e = assertThrows(AgoraTokenException.class, () -> AccessToken.parse(token));
            assertTrue(Set.of("truncated", "trailing").contains(e.getCategory()), e.getCategory());
        }
    }

    @Test
    void verifyResults() {
        String token = TOKEN_UID_2882341273;
        assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, CHANNEL, UID, TS));
        assertEquals(VerifyResult.OK, AccessToken.verify(token, CERT, CHANNEL, "2882341273", TS));
        assertEquals(VerifyResult.OK, AccessToken.verify(token, APP_ID, CERT, CHANNEL, UID, TS));
        assertEquals(VerifyResult.OK, AccessToken.verify(token, APP_ID, CERT, CHANNEL, (int) UID, TS));
        assertEquals(VerifyResult.OK, AccessToken.verify(token, null, CERT, CHANNEL, "2882341273", TS));
        assertEquals(VerifyResult.APP_ID_MISMATCH,
                AccessToken.verify(token, "0".repeat(32), CERT, CHANNEL, UID, TS));
        assertEquals(VerifyResult.CHANNEL_MISMATCH, AccessToken.verify(token, CERT, "other", UID, TS));
        assertEquals(VerifyResult.UID_MISMATCH, AccessToken.verify(token, CERT, CHANNEL, UID + 1, TS));
        assertEquals(VerifyResult.UID_MISMATCH, AccessToken.verify(token, CERT, CHANNEL, 0L, TS));
        String otherCert = "5CFd2fd1755d40ecb72977518be15d3c";
        assertEquals(VerifyResult.SIGNATURE_MISMATCH, AccessToken.verify(token, otherCert, CHANNEL, UID, TS));
        assertEquals(VerifyResult.SIGNATURE_MISMATCH,
                AccessToken.verify(token, CERT.toLowerCase(), CHANNEL, UID, TS), "the certificate's case matters");
        assertEquals(VerifyResult.EXPIRED, AccessToken.verify(token, CERT, CHANNEL, UID, TS + 1));
        try (SimpleTokenBuilder b = fixed(UID)) {
            b.setTs(4000000000L);
            b.setPrivilege(Privileges.kJoinChannel, 2000000000L);
            String t = b.buildToken();
            assertEquals(VerifyResult.OK, AccessToken.verify(t, CERT, CHANNEL, UID, 2000000000L));
            assertEquals(VerifyResult.PRIVILEGE_EXPIRED, AccessToken.verify(t, CERT, CHANNEL, UID, 2000000001L));
            b.setPrivilege(Privileges.kJoinChannel, 0);
            assertEquals(VerifyResult.OK, AccessToken.verify(b.buildToken(), CERT, CHANNEL, UID, 3000000000L));
            b.removePrivilege(Privileges.kJoinChannel);
            assertEquals(VerifyResult.OK, AccessToken.verify(b.buildToken(), CERT, CHANNEL, UID, 3000000000L));
        }
    }

    @Test
    void verifyFailures() {
        String token = TOKEN_UID_2882341273;
        assertCategory("null_argument", () -> AccessToken.verify(null, CERT, CHANNEL, UID, TS));
        assertCategory("null_argument", () -> AccessToken.verify(token, null, CHANNEL, UID, TS));
        assertCategory("null_argument", () -> AccessToken.verify(token, CERT, null, UID, TS));
        assertCategory("null_argument", () -> AccessToken.verify(token, CERT, CHANNEL, (String) null, TS));
        assertCategory("null_argument", () -> AccessToken.verify(token, APP_ID, null, CHANNEL, "a", TS));
        assertCategory("app_certificate", () -> AccessToken.verify(token, "short", CHANNEL, UID, TS));
        assertCategory("app_certificate", () -> AccessToken.verify(token, CERT + "0", CHANNEL, UID, TS));
        assertCategory("uid", () -> AccessToken.verify(token, CERT, CHANNEL, -1L, TS));
        assertCategory("uid", () -> AccessToken.verify(token, CERT, CHANNEL, 1L << 32, TS));
        assertCategory("now", () -> AccessToken.verify(token, CERT, CHANNEL, UID, -1));
        assertCategory("now", () -> AccessToken.verify(token, CERT, CHANNEL, UID, 1L << 32));
        assertCategory("version", () -> AccessToken.verify("x", CERT, CHANNEL, UID, TS));
        assertCategory("base64", () -> AccessToken.verify(token + "!", CERT, CHANNEL, "a", TS));
    }

    @Test
    void javaTablesMatchTheCore() {
        String[] results = Native.table(Native.TABLE_VERIFY_RESULTS);
        assertEquals(results.length, VerifyResult.values().length);
        for (VerifyResult r : VerifyResult.values()) {
            assertEquals(results[r.value()], r.label(), r.name());
            assertEquals(r.name().toLowerCase(), r.label());
            assertEquals(r == VerifyResult.OK, r.isOk());
            assertEquals(r, VerifyResult.fromValue(r.value()));
        }
        assertThrows(IllegalStateException.class, () -> VerifyResult.fromValue(99));

        Map<Integer, String> core = new java.util.HashMap<>();
        for (String[] row : Fixtures.table(Native.TABLE_PRIVILEGES_006)) {
            core.put(Integer.parseInt(row[0]), row[1]);
        }
        assertEquals(core.size(), Privileges.values().length);
        for (Privileges p : Privileges.values()) {
            assertEquals(core.get(p.id()), p.name(), "the core names id " + p.id());
            assertEquals(p, Privileges.fromId(p.id()));
            assertEquals(p.id(), p.intValue);
        }
        assertNull(Privileges.fromId(13));
        Set<Integer> roles = new HashSet<>();
        for (String[] row : Fixtures.table(Native.TABLE_ROLES_006)) {
            roles.add(Integer.parseInt(row[0]));
        }
        Set<Integer> javaRoles = new HashSet<>();
        for (SimpleTokenBuilder.Role r : SimpleTokenBuilder.Role.values()) {
            javaRoles.add(r.initValue);
            assertNotNull(Fixtures.rolePrivileges(r.initValue));
            assertEquals(RtcTokenBuilder.Role.valueOf(r.name()).initValue, r.initValue);
        }
        assertEquals(roles, javaRoles);
        assertEquals(0, Native.table(99).length);
    }

    @Test
    void errorCodesAreTheCAbiTable() {
        // docs/c-abi.md: the codes every binding reports.
        Object[][] table = {
            {"app_id", -1, (Runnable) () -> new SimpleTokenBuilder("x", CERT, CHANNEL, 1L)},
            {"app_certificate", -2, (Runnable) () -> new SimpleTokenBuilder(APP_ID, "x", CHANNEL, 1L)},
            {"channel_name", -3, (Runnable) () -> new SimpleTokenBuilder(APP_ID, CERT, "", 1L)},
            {"user_account", -4, (Runnable) () -> new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, "")},
            {"uid", -5, (Runnable) () -> new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, -1L)},
            {"version", -6, (Runnable) () -> AccessToken.parse("x")},
            {"base64", -7, (Runnable) () -> AccessToken.parse("006" + APP_ID + "!")},
            {"truncated", -8, (Runnable) () -> AccessToken.parse("006" + APP_ID)},
            {"null_argument", -18, (Runnable) () -> AccessToken.parse(null)},
        };
        for (Object[] row : table) {
            AgoraTokenException e = assertCategory((String) row[0], ((Runnable) row[2])::run);
            assertEquals(row[1], e.getCode(), (String) row[0]);
        }
    }

    @Test
    void versionIsTheWorkspaceVersion() throws IOException {
        String cargo = Files.readString(Fixtures.root().resolve("Cargo.toml"));
        Matcher m = Pattern.compile("(?s)\\[workspace\\.package\\].*?\\nversion\\s*=\\s*\"([^\"]+)\"").matcher(cargo);
        assertTrue(m.find(), "workspace version in Cargo.toml");
        assertEquals(m.group(1), AccessToken.version());
        Properties props = new Properties();
        try (InputStream in = NativeLoader.class.getResourceAsStream("agoratoken.properties")) {
            assertNotNull(in);
            props.load(in);
        }
        assertEquals(m.group(1), props.getProperty("version"), "pom.xml version");
        assertEquals(m.group(1), NativeLoader.javaVersion());
    }
}
