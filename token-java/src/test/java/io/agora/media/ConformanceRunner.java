package io.agora.media;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Java conformance runner (a plain program): runs every case of every {@code *.jsonl} file
 * in {@code $AGORA_TOKEN_VECTORS}, else {@code <repo root>/tests/vectors}, and prints last
 * {@code conformance[java]: N passed, M failed}. Exits 1 when M > 0 or N = 0.
 *
 * <p>The repo root is the system property {@code agoratoken.root}, else found from where this
 * class was loaded (token-java/target/test-classes), never the current directory.
 */
public final class ConformanceRunner {
    private ConformanceRunner() {}

    static final class CaseFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CaseFailure(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        int passed = 0;
        int failed = 0;
        try {
            Path dir = vectorsDir();
            List<Path> files = new ArrayList<>();
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
            }
            if (files.isEmpty()) {
                System.out.println("no *.jsonl files in " + dir);
            }
            Set<String> ids = new HashSet<>();
            for (Path file : files) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int n = 0; n < lines.size(); n++) {
                    String line = lines.get(n);
                    if (line.isBlank()) {
                        continue;
                    }
                    String where = file.getFileName() + ":" + (n + 1);
                    try {
                        Object parsed = Json.parse(line);
                        if (!(parsed instanceof Map)) {
                            throw new CaseFailure("not a JSON object");
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, Object> c = (Map<String, Object>) parsed;
                        String id = str(c, "id");
                        where = where + " " + id;
                        if (!ids.add(id)) {
                            throw new CaseFailure("duplicate id");
                        }
                        runCase(c);
                        passed++;
                    } catch (CaseFailure | RuntimeException e) {
                        failed++;
                        System.out.println("FAIL " + where + ": " + e);
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            failed++;
            System.out.println("FAIL reading the vectors: " + e);
        }
        System.out.println("conformance[java]: " + passed + " passed, " + failed + " failed");
        System.exit(failed > 0 || passed == 0 ? 1 : 0);
    }

    static Path vectorsDir() throws URISyntaxException {
        String env = System.getenv("AGORA_TOKEN_VECTORS");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        String root = System.getProperty("agoratoken.root");
        if (root != null && !root.isEmpty()) {
            return Path.of(root, "tests", "vectors");
        }
        // .../token-java/target/test-classes -> the repository root
        Path classes = Path.of(ConformanceRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent().getParent().getParent().resolve("tests").resolve("vectors");
    }

    static void runCase(Map<String, Object> c) throws CaseFailure {
        String kind = str(c, "kind");
        switch (kind) {
            case "build006":
                build006(c);
                break;
            case "parse006":
                parse006(c);
                break;
            case "reject006":
                reject006(c);
                break;
            case "invalid006":
                invalid006(c);
                break;
            case "build007":
                compare007(c, build007(c));
                break;
            case "builder007":
                compare007(c, builder007(c));
                break;
            case "invalid007":
                invalid007(c);
                break;
            case "reject007":
                reject007(c);
                break;
            case "parse007":
                parse007(c);
                break;
            default:
                throw new CaseFailure("unknown kind " + kind);
        }
    }

    static String str(Map<String, Object> m, String key) throws CaseFailure {
        Object v = m.get(key);
        if (!(v instanceof String)) {
            throw new CaseFailure("field " + key + " is missing or not a string");
        }
        return (String) v;
    }

    static long num(Object v, String what) throws CaseFailure {
        if (!(v instanceof Long)) {
            throw new CaseFailure(what + " is missing or not an integer");
        }
        return (Long) v;
    }

    static long num(Map<String, Object> m, String key) throws CaseFailure {
        return num(m.get(key), "field " + key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Map<String, Object> m, String key) throws CaseFailure {
        Object v = m.get(key);
        if (!(v instanceof Map)) {
            throw new CaseFailure("field " + key + " is missing or not an object");
        }
        return (Map<String, Object>) v;
    }

    /** The [[id, expire], ...] pairs, in file order. */
    static List<long[]> pairs(Map<String, Object> m, String key) throws CaseFailure {
        Object v = m.get(key);
        if (!(v instanceof List)) {
            throw new CaseFailure("field " + key + " is missing or not an array");
        }
        List<long[]> out = new ArrayList<>();
        for (Object e : (List<?>) v) {
            if (!(e instanceof List) || ((List<?>) e).size() != 2) {
                throw new CaseFailure(key + ": an entry is not a pair");
            }
            List<?> pair = (List<?>) e;
            out.add(new long[] {num(pair.get(0), key + " id"), num(pair.get(1), key + " expiry")});
        }
        return out;
    }

    /** Constructs the builder of a build006/invalid006 case, sets salt, ts and privileges, builds. */
    static String buildFrom(Map<String, Object> c) throws CaseFailure {
        boolean hasUid = c.containsKey("uid");
        boolean hasAccount = c.containsKey("user_account");
        if (hasUid == hasAccount) {
            throw new CaseFailure("exactly one of uid and user_account must be given");
        }
        String appId = str(c, "app_id");
        String cert = str(c, "app_certificate");
        String channel = str(c, "channel_name");
        try (SimpleTokenBuilder b = hasUid
                ? new SimpleTokenBuilder(appId, cert, channel, num(c, "uid"))
                : new SimpleTokenBuilder(appId, cert, channel, str(c, "user_account"))) {
            b.setSalt(num(c, "salt"));
            b.setTs(num(c, "ts"));
            for (long[] p : pairs(c, "privileges")) {
                AccessToken.Privileges privilege = AccessToken.Privileges.fromId((int) p[0]);
                if (privilege == null || privilege.id() != p[0]) {
                    throw new CaseFailure("privilege id " + p[0] + " is not a documented privilege");
                }
                b.setPrivilege(privilege, p[1]);
            }
            return b.buildToken();
        }
    }

    static void build006(Map<String, Object> c) throws CaseFailure {
        String want = str(c, "token");
        String got = buildFrom(c);
        if (!want.equals(got)) {
            throw new CaseFailure("token differs:\n  want " + want + "\n  got  " + got);
        }
    }

    /** A call that must fail with the case's {@code error} category. */
    @FunctionalInterface
    interface Call {
        Object run() throws CaseFailure;
    }

    static void expectError(Map<String, Object> c, Call call) throws CaseFailure {
        String want = str(c, "error");
        Object got;
        try {
            got = call.run();
        } catch (AgoraTokenException e) {
            if (!want.equals(e.getCategory())) {
                throw new CaseFailure("want error " + want + ", got " + e.getCategory() + " (" + e.getMessage() + ")");
            }
            return;
        }
        throw new CaseFailure("want error " + want + ", but got " + got);
    }

    static void invalid006(Map<String, Object> c) throws CaseFailure {
        expectError(c, () -> buildFrom(c));
    }

    static void reject006(Map<String, Object> c) throws CaseFailure {
        expectError(c, () -> AccessToken.parse(str(c, "token")));
    }

    static void parse006(Map<String, Object> c) throws CaseFailure {
        String token = str(c, "token");
        Map<String, Object> want = obj(c, "expected");
        ParsedToken got = AccessToken.parse(token);
        check("app_id", str(want, "app_id"), got.getAppId());
        check("signature_hex", str(want, "signature_hex"), got.getSignatureHex());
        check("crc_channel_name", num(want, "crc_channel_name"), got.getCrcChannelName());
        check("crc_uid", num(want, "crc_uid"), got.getCrcUid());
        check("salt", num(want, "salt"), got.getSalt());
        check("ts", num(want, "ts"), got.getTs());
        SortedMap<Integer, Long> privileges = new TreeMap<>();
        for (long[] p : pairs(want, "privileges")) {
            privileges.put((int) p[0], p[1]);
        }
        check("privileges", privileges, got.getPrivileges());
        if (c.containsKey("verify")) {
            Map<String, Object> v = obj(c, "verify");
            boolean hasUid = v.containsKey("uid");
            if (hasUid == v.containsKey("user_account")) {
                throw new CaseFailure("verify: exactly one of uid and user_account must be given");
            }
            String cert = str(v, "app_certificate");
            String channel = str(v, "channel_name");
            long now = num(v, "now");
            VerifyResult result = hasUid
                    ? AccessToken.verify(token, cert, channel, num(v, "uid"), now)
                    : AccessToken.verify(token, cert, channel, str(v, "user_account"), now);
            check("verify.result", str(v, "result"), result.label());
        }
    }

    // ---------------------------------------------------------------- 007

    @SuppressWarnings("unchecked")
    static List<Object> list(Object v, String what) throws CaseFailure {
        if (!(v instanceof List)) {
            throw new CaseFailure(what + " is missing or not an array");
        }
        return (List<Object>) v;
    }

    /**
     * A build007/invalid007 service object in the data layout the native build reads ({@link
     * Wire}): the vectors' data form, as every binding hands it over (the wide values and
     * duplicates the vectors try reach token-core's checks as they are). The reference classes
     * ({@code AccessToken2.Service*}) write this same layout; their own tests cover them.
     */
    @SuppressWarnings("unchecked")
    static void putService(Wire w, Object o) throws CaseFailure {
        if (!(o instanceof Map)) {
            throw new CaseFailure("a service is not an object");
        }
        Map<String, Object> m = (Map<String, Object>) o;
        w.add(num(m, "type"));
        w.add(m.containsKey("uid") ? num(m, "uid") : Native.NONE);
        w.add(m.containsKey("role") ? num(m, "role") : Native.NONE);
        List<long[]> privileges = pairs(m, "privileges");
        w.add(privileges.size());
        for (long[] p : privileges) {
            w.add(p[0]).add(p[1]);
        }
        for (String key : new String[] {"channel_name", "user_account", "user_id", "room_uuid", "user_uuid"}) {
            Object v = m.get(key);
            if (v != null && !(v instanceof String)) {
                throw new CaseFailure(key + " is not a string");
            }
            w.add((String) v);
        }
        w.permissions(m.containsKey("permissions") ? new Builders007.Args("", m).permissions("permissions") : List.of());
    }

    /** build007 / invalid007: the token as data through the native data build (issue_ts and salt pinned). */
    static String build007(Map<String, Object> c) throws CaseFailure {
        List<Object> services = list(c.get("services"), "services");
        Wire w = new Wire().add(num(c, "expire")).add(services.size());
        for (Object o : services) {
            putService(w, o);
        }
        w.add(0); // no services of Agora's base class
        return AccessToken2.token007(Native.DATA, str(c, "app_id"), str(c, "app_certificate"), w, num(c, "issue_ts"),
                num(c, "salt"));
    }

    /** builder007: the Java builder of this python3 name, with issue_ts and salt pinned. */
    @SuppressWarnings("unchecked")
    static String builder007(Map<String, Object> c) throws CaseFailure {
        String name = str(c, "builder");
        int recipe = Recipes.find(name);
        if (recipe < 0 || !Builders007.BY_NAME.containsKey(name)) {
            throw new CaseFailure("no builder named " + name + (recipe < 0 ? " in the native table" : " in Java"));
        }
        Map<String, Object> args = obj(c, "args");
        List<String> params = new ArrayList<>();
        for (String p : Recipes.params(recipe)) {
            params.add(p.substring(0, p.indexOf(':')));
        }
        if (!params.containsAll(args.keySet())) {
            throw new CaseFailure("args " + args.keySet() + " are not parameters of " + name + " " + params);
        }
        String appId = str(c, "app_id");
        String cert = str(c, "app_certificate");
        return Recipes.pinned(num(c, "issue_ts"), num(c, "salt"), () -> Builders007.call(name, appId, cert, args));
    }

    /** Both steps of build007: the decompressed content, then the token. */
    static void compare007(Map<String, Object> c, String got) throws CaseFailure {
        String content = java.util.HexFormat.of().formatHex(AccessToken2.parseToken(got).getContent());
        check("content_hex", str(c, "content_hex"), content);
        check("token", str(c, "token"), got);
    }

    static void invalid007(Map<String, Object> c) throws CaseFailure {
        expectError(c, () -> build007(c));
    }

    static void reject007(Map<String, Object> c) throws CaseFailure {
        expectError(c, () -> AccessToken2.parseToken(str(c, "token")));
    }

    /** A parsed service in the vectors' token form. */
    static Map<String, Object> tokenForm(AccessToken2.Service s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", (long) Short.toUnsignedInt(s.getServiceType()));
        List<Object> privileges = new ArrayList<>();
        for (long[] p : s.privilegesAsRead) { // token order (a service's map is sorted, as Agora's)
            privileges.add(List.of(p[0], p[1]));
        }
        m.put("privileges", privileges);
        if (s instanceof AccessToken2.ServiceRtc) {
            m.put("channel_name", ((AccessToken2.ServiceRtc) s).getChannelName());
            m.put("account", ((AccessToken2.ServiceRtc) s).getUid());
        } else if (s instanceof AccessToken2.ServiceStreaming) {
            m.put("channel_name", ((AccessToken2.ServiceStreaming) s).channelName);
            m.put("account", ((AccessToken2.ServiceStreaming) s).account);
        } else if (s instanceof AccessToken2.ServiceFCdn) {
            m.put("channel_name", ((AccessToken2.ServiceFCdn) s).channelName);
            m.put("account", ((AccessToken2.ServiceFCdn) s).account);
        } else if (s instanceof AccessToken2.ServiceRtm) {
            m.put("user_id", ((AccessToken2.ServiceRtm) s).getUserId());
        } else if (s instanceof AccessToken2.ServiceChat) {
            m.put("user_id", ((AccessToken2.ServiceChat) s).getUserId());
        } else if (s instanceof AccessToken2.ServiceRtm2) {
            m.put("user_id", ((AccessToken2.ServiceRtm2) s).getUserId());
        } else if (s instanceof AccessToken2.ServiceApaas) {
            AccessToken2.ServiceApaas a = (AccessToken2.ServiceApaas) s;
            m.put("room_uuid", a.getRoomUuid());
            m.put("user_uuid", a.getUserUuid());
            m.put("role", (long) a.getRole());
        }
        if (s instanceof AccessToken2.ServiceRtm2) {
            List<Object> permissions = new ArrayList<>();
            for (AccessToken2.Permission p : ((AccessToken2.ServiceRtm2) s).permissions.toList()) {
                permissions.add(List.of((long) p.resourceType(), (long) p.permissionType(), p.resources()));
            }
            m.put("permissions", permissions);
        }
        return m;
    }

    static void parse007(Map<String, Object> c) throws CaseFailure {
        String token = str(c, "token");
        Map<String, Object> want = obj(c, "expected");
        ParsedToken2 t = AccessToken2.parseToken(token);
        check("app_id", str(want, "app_id"), t.getAppId());
        check("issue_ts", num(want, "issue_ts"), t.getIssueTs());
        check("expire", num(want, "expire"), t.getExpire());
        check("salt", num(want, "salt"), t.getSalt());
        check("signature_hex", str(want, "signature_hex"), t.getSignatureHex());
        check("content_hex", str(want, "content_hex"), java.util.HexFormat.of().formatHex(t.getContent()));
        List<Object> services = new ArrayList<>();
        for (AccessToken2.Service s : t.getServices()) {
            services.add(tokenForm(s));
        }
        check("services", want.get("services"), services);
        if (c.containsKey("verify")) {
            Map<String, Object> v = obj(c, "verify");
            String cert = str(v, "app_certificate");
            long now = num(v, "now");
            VerifyResult result;
            if (v.containsKey("rtc")) {
                Map<String, Object> rtc = obj(v, "rtc");
                if (rtc.containsKey("uid") == rtc.containsKey("user_account")) {
                    throw new CaseFailure("verify.rtc: exactly one of uid and user_account must be given");
                }
                result = rtc.containsKey("uid")
                        ? AccessToken2.verify(token, cert, str(rtc, "channel_name"), num(rtc, "uid"), now)
                        : AccessToken2.verify(token, cert, str(rtc, "channel_name"), str(rtc, "user_account"), now);
            } else {
                result = AccessToken2.verify(token, cert, now);
            }
            check("verify.result", str(v, "result"), result.label());
        }
    }

    static void check(String what, Object want, Object got) throws CaseFailure {
        if (!Objects.equals(want, got)) {
            throw new CaseFailure(what + ": want " + want + ", got " + got);
        }
    }
}
