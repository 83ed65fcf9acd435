package io.agora.media;

import static io.agora.media.Fixtures.APP_ID;
import static io.agora.media.Fixtures.CERT;
import static io.agora.media.Fixtures.assertCategory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The core's builder table as Java reaches it: every row under its documented Java name. */
class RecipesTest {
    static final long ISSUE_TS = 1700000000L;
    static final long SALT = 12345678L;

    @Test
    void everyRowHasItsConstantAndNothingElse() throws Exception {
        List<String> names = Recipes.names();
        assertEquals(19, names.size(), "the core's table; a new row needs its Java name (Recipes, Builders007)");
        Map<Integer, String> constants = new TreeMap<>();
        for (Field f : Recipes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                constants.put(f.getInt(null), f.getName());
            }
        }
        assertEquals(names.size(), constants.size());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(names.get(i).toUpperCase().replace('.', '_'), constants.get(i), "row " + i);
            assertEquals(i, Recipes.find(names.get(i)));
        }
        assertEquals(-1, Recipes.find("rtc.build_token"));
        assertThrows(IndexOutOfBoundsException.class, () -> Recipes.params(names.size()));
        assertEquals(List.of(), Recipes.params(Recipes.FPA_BUILD_TOKEN));
        assertEquals(List.of("channel_name:str", "uid:uid", "role:rtc_role", "token_expire:expire",
                "privilege_expire:privilege_expire=0"), Recipes.params(Recipes.RTC_BUILD_TOKEN_WITH_UID));
    }

    @Test
    void javaServiceTablesMatchTheCore() {
        List<String[]> services = Fixtures.table(Native.TABLE_SERVICES);
        assertEquals(10, services.size());
        for (String[] row : services) {
            int type = Integer.parseInt(row[0]);
            AccessToken2.Service s = AccessToken2.Service.ofType(type);
            assertEquals(row[1], s.getClass().getSimpleName(), "the class of type " + type);
            assertEquals(type, s.getServiceType());
            AccessToken2.Privilege[] java = AccessToken2.privilegesOf(type);
            assertEquals(row.length - 2, java.length, row[1]);
            for (int i = 2; i < row.length; i++) {
                int id = Integer.parseInt(row[i].substring(0, row[i].indexOf(':')));
                String core = row[i].substring(row[i].indexOf(':') + 1).replace("kPrivilege", "").toLowerCase();
                AccessToken2.Privilege p = java[i - 2];
                assertEquals(id, p.id(), row[1]);
                assertTrue(((Enum<?>) p).name().replace("_", "").toLowerCase().endsWith(core), p + " is " + core);
            }
        }
        assertThrows(IllegalStateException.class, () -> AccessToken2.Service.ofType(11));
        for (String[] row : Fixtures.table(Native.TABLE_RTM2)) {
            String name = row[2].substring(1).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
            try {
                assertEquals(Integer.parseInt(row[1]), AccessToken2.Permission.class.getField(name).getInt(null), name);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("AccessToken2.Permission has no " + name + " for the core's " + row[2], e);
            }
        }
        Map<String, Integer> errors = new HashMap<>();
        for (String[] row : Fixtures.table(Native.TABLE_ERRORS)) {
            errors.put(row[1], Integer.parseInt(row[0]));
        }
        assertEquals(-34, errors.get("now"));
        assertEquals(-26, errors.get("utf8"));
    }

    /** Distinct arguments for a builder's parameters, by kind, python3-named. */
    static Map<String, Object> sampleArgs(int recipe, int seed) {
        Map<String, Object> args = new LinkedHashMap<>();
        int n = 0;
        for (String p : Recipes.params(recipe)) {
            String name = p.substring(0, p.indexOf(':'));
            String kind = p.substring(p.indexOf(':') + 1).replaceAll("=.*", "");
            n++;
            switch (kind) {
                case "str":
                    args.put(name, name.replace('_', '-') + "-" + seed);
                    break;
                case "uid":
                    args.put(name, 2882341273L + seed);
                    break;
                case "rtc_role":
                    args.put(name, (long) (1 + seed % 2));
                    break;
                case "apaas_role":
                    args.put(name, (long) (seed - 1));
                    break;
                case "permissions":
                    args.put(name, List.of(List.of(4L, 0L, List.of("user-" + seed)), List.of(0L, 1L, List.of())));
                    break;
                default: // expire, privilege_expire: distinct per parameter, so a swap shows
                    args.put(name, 1000L * n + seed);
            }
        }
        return args;
    }

    /** The generic entry with arguments in the core's parameter order. */
    static String generic(int recipe, Map<String, Object> args) {
        List<Object> values = new ArrayList<>();
        for (Object v : args.values()) {
            values.add(v instanceof List ? new Builders007.Args("", Map.of("p", v)).permissions("p") : v);
        }
        return Recipes.build(recipe, APP_ID, CERT, values.toArray());
    }

    @Test
    void everyRowIsReachableUnderItsJavaNameWithItsArgumentsInOrder() {
        assertEquals(Recipes.names(), new ArrayList<>(Builders007.BY_NAME.keySet()));
        for (int recipe = 0; recipe < Recipes.names().size(); recipe++) {
            String name = Recipes.names().get(recipe);
            for (int seed = 1; seed <= 2; seed++) {
                Map<String, Object> args = sampleArgs(recipe, seed);
                final int r = recipe;
                String viaJava = Recipes.pinned(ISSUE_TS, SALT, () -> Builders007.call(name, APP_ID, CERT, args));
                String viaTable = Recipes.pinned(ISSUE_TS, SALT, () -> generic(r, args));
                assertEquals(viaTable, viaJava, name + " " + args);
                ParsedToken2 t = AccessToken2.parseToken(viaJava);
                assertEquals(ISSUE_TS, t.getIssueTs());
                assertEquals(SALT, t.getSalt());
                assertEquals(VerifyResult.OK, AccessToken2.verify(viaJava, CERT, ISSUE_TS), name);
            }
        }
    }

    @Test
    void trailingArgumentsTakeTheCoresDefaults() {
        String full = Recipes.pinned(ISSUE_TS, SALT,
                () -> Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, APP_ID, CERT, "room", 7, 1, 600, 0));
        String shorter = Recipes.pinned(ISSUE_TS, SALT,
                () -> Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, APP_ID, CERT, "room", 7, 1, 600));
        assertEquals(full, shorter);
        assertCategory("null_argument", () -> Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, APP_ID, CERT, "room", 7));
        AgoraTokenException extra = assertCategory("null_argument",
                () -> Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, APP_ID, CERT, "room", 7, 1, 600, 0, 5));
        assertTrue(extra.getMessage().contains("left over"), extra.getMessage());
        assertCategory("null_argument", () -> Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, APP_ID, CERT, "room", null, 1, 600));
        assertCategory("null_argument", () -> Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, APP_ID, CERT, null, 7, 1, 600));
        // A number where a string goes: the strings run out.
        assertCategory("null_argument", () -> Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, APP_ID, CERT, 5, 7, 1, 600));
        assertThrows(IllegalArgumentException.class,
                () -> Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, APP_ID, CERT, "room", new Object()));
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, APP_ID, CERT, "room", 7.5, 1, 600));
        assertTrue(fraction.getMessage().startsWith("uid:"), fraction.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Recipes.build(Recipes.RTM_BUILD_TOKEN_WITH_PERMISSIONS, APP_ID,
                CERT, "u", List.of("not a permission")));
        AgoraTokenException bad = assertCategory("internal", () -> Recipes.build(99, APP_ID, CERT));
        assertTrue(bad.getMessage().contains("builder"), bad.getMessage());
        assertCategory("internal", () -> Recipes.build(-2, APP_ID, CERT));
    }

    @Test
    void pinsAreCheckedAndScopedToTheCall() {
        assertCategory("issue_ts", () -> Recipes.pinned(-1, 1, () -> new FpaTokenBuilder().buildToken(APP_ID, CERT)));
        assertCategory("salt", () -> Recipes.pinned(1, 1L << 32, () -> new FpaTokenBuilder().buildToken(APP_ID, CERT)));
        assertCategory("issue_ts",
                () -> Recipes.pinned(Long.MIN_VALUE, 1, () -> new FpaTokenBuilder().buildToken(APP_ID, CERT)));
        String pinned = Recipes.pinned(5, 6, () -> Recipes.pinned(7, 8, () -> "") + new FpaTokenBuilder().buildToken(APP_ID, CERT));
        ParsedToken2 t = AccessToken2.parseToken(pinned);
        assertEquals(5, t.getIssueTs(), "the outer pin is back after the inner call");
        assertEquals(6, t.getSalt());
        ParsedToken2 free = AccessToken2.parseToken(new FpaTokenBuilder().buildToken(APP_ID, CERT));
        assertTrue(Math.abs(free.getIssueTs() - Fixtures.now()) <= 2, "unpinned: now");
        assertTrue(free.getSalt() >= 1 && free.getSalt() <= 99999999, "unpinned: the references' salt range");
    }

    @Test
    void aJvmThatAlreadyUsedDeflaterStillGetsByteIdenticalTokens() throws Exception {
        // The JVM's java.util.zip links its own (system or bundled) zlib; the core's is static
        // and private. Use the JVM's first, at other settings, and keep a stream open meanwhile.
        byte[] data = "agoratoken ".repeat(500).getBytes(StandardCharsets.US_ASCII);
        Deflater open = new Deflater(Deflater.BEST_COMPRESSION, true);
        open.setInput(data);
        byte[] out = new byte[8192];
        open.deflate(out);
        for (int level = 0; level <= 9; level++) {
            Deflater d = new Deflater(level);
            d.setStrategy(level % 2 == 0 ? Deflater.FILTERED : Deflater.HUFFMAN_ONLY);
            d.setInput(data);
            d.finish();
            int total = 0;
            while (!d.finished()) {
                total += d.deflate(out);
            }
            assertTrue(total > 0);
            d.end();
        }
        int ran = 0;
        for (String file : new String[] {"build007.jsonl", "builder007.jsonl"}) {
            for (String line : Files.readAllLines(Fixtures.root().resolve("tests/vectors").resolve(file))) {
                if (line.isBlank()) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) Json.parse(line);
                ConformanceRunner.runCase(c);
                ran++;
            }
        }
        assertTrue(ran >= 20, "ran " + ran);
        open.end();
    }

    @Test
    void builtTokensAreWhatTheJvmsZlibReadsBack() throws Exception {
        String token = new RtcTokenBuilder2().buildTokenWithUid(APP_ID, CERT, "room", 42,
                RtcTokenBuilder2.Role.ROLE_PUBLISHER, 600, 600);
        byte[] compressed = java.util.Base64.getDecoder().decode(token.substring(3));
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        inflater.setInput(compressed);
        byte[] content = new byte[1024];
        int n = inflater.inflate(content);
        assertTrue(inflater.finished());
        inflater.end();
        assertEquals(java.util.HexFormat.of().formatHex(AccessToken2.parseToken(token).getContent()),
                java.util.HexFormat.of().formatHex(java.util.Arrays.copyOf(content, n)));
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            seen.merge(new FpaTokenBuilder().buildToken(APP_ID, CERT), 1L, Long::sum);
        }
        assertTrue(seen.size() >= 49, "a fresh salt per token: " + seen.size() + " distinct of 50");
    }
}
