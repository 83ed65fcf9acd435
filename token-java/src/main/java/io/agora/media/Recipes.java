package io.agora.media;

import java.util.List;
import java.util.function.Supplier;

/**
 * The 007 builders as token-core's table ({@code v007::RECIPES}): one row per Agora reference
 * builder, numbered append-only like the error codes, named as python3 names it
 * ({@code "rtc.build_token_with_uid"}). Every reference-named builder of this library
 * ({@link RtcTokenBuilder2}, {@link io.agora.rtm.RtmTokenBuilder2}, ...) is a few lines over
 * {@link #build}, the one generic native entry: role tables, defaults, range checks and packing
 * are the core's.
 *
 * <pre>{@code
 * String token = Recipes.build(Recipes.RTC_BUILD_TOKEN_WITH_UID, appId, appCertificate, "room-1", 42, 1, 3600, 0);
 * }</pre>
 */
public final class Recipes {
    private Recipes() {}

    public static final int RTC_BUILD_TOKEN_WITH_UID = 0;
    public static final int RTC_BUILD_TOKEN_WITH_USER_ACCOUNT = 1;
    public static final int RTC_BUILD_TOKEN_WITH_UID_AND_PRIVILEGE = 2;
    public static final int RTC_BUILD_TOKEN_WITH_USER_ACCOUNT_AND_PRIVILEGE = 3;
    public static final int RTC_BUILD_TOKEN_WITH_RTM = 4;
    public static final int RTC_BUILD_TOKEN_WITH_RTM2 = 5;
    public static final int RTM_BUILD_TOKEN = 6;
    public static final int RTM_BUILD_TOKEN_WITH_PERMISSIONS = 7;
    public static final int CHAT_BUILD_USER_TOKEN = 8;
    public static final int CHAT_BUILD_APP_TOKEN = 9;
    public static final int FPA_BUILD_TOKEN = 10;
    public static final int APAAS_BUILD_ROOM_USER_TOKEN = 11;
    public static final int APAAS_BUILD_USER_TOKEN = 12;
    public static final int APAAS_BUILD_APP_TOKEN = 13;
    public static final int EDUCATION_BUILD_ROOM_USER_TOKEN = 14;
    public static final int EDUCATION_BUILD_USER_TOKEN = 15;
    public static final int EDUCATION_BUILD_APP_TOKEN = 16;
    public static final int CONVOAI_BUILD_TOKEN = 17;
    public static final int STT_BUILD_TOKEN = 18;

    /** The pinned issue_ts and salt of this thread's builds ({@link #pinned}), or null. */
    private static final ThreadLocal<long[]> PIN = new ThreadLocal<>();

    /** The python3 names of the native library's builders, by number. */
    public static List<String> names() {
        return List.of(Native.table(Native.TABLE_RECIPES));
    }

    /** The number of the builder with this python3 name, or -1. */
    public static int find(String name) {
        return names().indexOf(name);
    }

    /** A builder's parameters after app id and certificate, as {@code name:kind[=default]} (kinds: str, uid, rtc_role, expire, privilege_expire, apaas_role, permissions). */
    public static List<String> params(int recipe) {
        String[] all = Native.table(Native.TABLE_RECIPE_PARAMS);
        if (recipe < 0 || recipe >= all.length) {
            throw new IndexOutOfBoundsException("no builder " + recipe);
        }
        return all[recipe].isEmpty() ? List.of() : List.of(all[recipe].split(","));
    }

    /** Each builder's parameter names and kinds, read once from the native library. */
    private static volatile String[][] params;

    private static String[][] params() {
        String[][] p = params;
        if (p == null) {
            String[] rows = Native.table(Native.TABLE_RECIPE_PARAMS);
            p = new String[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                p[i] = rows[i].isEmpty() ? new String[0] : rows[i].split(",");
            }
            params = p;
        }
        return p;
    }

    /**
     * Builds a token with builder {@code recipe}: {@code args} are its arguments after app id and
     * certificate, in python3's order ({@link #params}): a {@code String} for a string, a
     * {@code Long}, {@code Integer}, {@code Short} or {@code Byte} for an integer (uids, roles,
     * expiries, each range-checked by the core; a fraction is refused rather than cut), a {@code
     * List<AccessToken2.Permission>} for RTM2 permissions.
     * Trailing arguments may be left out to take python3's defaults. A null integer goes to the
     * core as a host null: an RTC role becomes JoinChannel only (token-core's JOIN_ONLY, what
     * Agora's builders build), any other integer parameter is {@code null_argument}; null
     * permissions are {@code null_argument}. Throws {@link AgoraTokenException} naming the first
     * argument the core refuses, {@link IllegalArgumentException} for an argument of another Java
     * type.
     */
    public static String build(int recipe, String appId, String appCertificate, Object... args) {
        String[][] all = params();
        String[] names = recipe >= 0 && recipe < all.length ? all[recipe] : new String[0];
        Wire w = new Wire();
        for (int i = 0; i < args.length; i++) {
            String param = i < names.length ? names[i] : "argument " + i;
            String kind = param.contains(":") ? param.substring(param.indexOf(':') + 1).split("=", 2)[0] : "";
            param = param.contains(":") ? param.substring(0, param.indexOf(':')) : param;
            Object arg = args[i];
            if (arg == null && kind.equals("permissions")) {
                throw Native.nullArgument(param);
            } else if (arg == null && !kind.equals("str")) {
                w.add(Native.NONE); // a null integer: the core decides (an RTC role: JOIN_ONLY; else null_argument)
            } else if (arg == null || arg instanceof String) {
                w.add((String) arg);
            } else if (arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
                w.add(((Number) arg).longValue());
            } else if (arg instanceof List) {
                List<AccessToken2.Permission> permissions = new java.util.ArrayList<>();
                for (Object p : (List<?>) arg) {
                    if (p != null && !(p instanceof AccessToken2.Permission)) {
                        throw new IllegalArgumentException(param + ": a list of AccessToken2.Permission, not of "
                                + p.getClass().getName());
                    }
                    permissions.add((AccessToken2.Permission) p);
                }
                w.permissions(permissions);
            } else {
                throw new IllegalArgumentException(param + ": takes a String, an integer (Long, Integer, Short, Byte) or a"
                        + " List<AccessToken2.Permission>, not a " + arg.getClass().getName());
            }
        }
        long[] pin = PIN.get();
        return AccessToken2.token007(recipe, appId, appCertificate, w, pin == null ? Native.NONE : pin[0],
                pin == null ? Native.NONE : pin[1]);
    }

    /**
     * Runs {@code call} with every builder of this thread pinned to {@code issueTs} (Unix seconds)
     * and {@code salt}, both 0..2^32-1 (else {@code issue_ts} / {@code salt}): for tests and the
     * {@code builder007} conformance vectors, which pin what a builder normally draws (the clock,
     * the CSPRNG).
     */
    public static <T> T pinned(long issueTs, long salt, Supplier<T> call) {
        long[] previous = PIN.get();
        PIN.set(new long[] {issueTs == Native.NONE ? -1 : issueTs, salt == Native.NONE ? -1 : salt});
        try {
            return call.get();
        } finally {
            if (previous == null) {
                PIN.remove();
            } else {
                PIN.set(previous);
            }
        }
    }
}
