package io.agora.media;

import io.agora.apaas.ApaasTokenBuilder;
import io.agora.chat.ChatTokenBuilder2;
import io.agora.education.EducationTokenBuilder2;
import io.agora.rtm.RtmTokenBuilder2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every 007 builder under its Java name, keyed by the core's python3 name ({@code builder007}'s
 * {@code builder}): the conformance runner calls builders through this table, and the tests
 * check it covers every row of the native table. Arguments come by python3 name; a missing
 * optional one takes the default the core's table gives ({@link Recipes#params}).
 */
final class Builders007 {
    private Builders007() {}

    /** The arguments of one call, by python3 name. */
    static final class Args {
        final String name;
        final Map<String, Object> values;

        Args(String name, Map<String, Object> values) {
            this.name = name;
            this.values = values;
        }

        String s(String key) {
            Object v = values.get(key);
            if (v != null && !(v instanceof String)) {
                throw new IllegalArgumentException(key + " is not a string");
            }
            return (String) v;
        }

        /** An integer argument, or the core's default for an optional one left out. */
        long n(String key) {
            Object v = values.get(key);
            if (v == null) {
                for (String p : Recipes.params(Recipes.find(name))) {
                    if (p.startsWith(key + ":") && p.contains("=")) {
                        return Long.parseLong(p.substring(p.indexOf('=') + 1));
                    }
                }
                throw new IllegalArgumentException(name + ": argument " + key + " is missing");
            }
            return ((Number) v).longValue();
        }

        RtcTokenBuilder2.Role role(String key) {
            long v = n(key);
            for (RtcTokenBuilder2.Role r : RtcTokenBuilder2.Role.values()) {
                if (r.initValue == v) {
                    return r;
                }
            }
            throw new IllegalArgumentException(key + " " + v + " is not a Java role");
        }

        /** {@code [[resource_type, permission_type, [resource, ...]], ...]}. */
        List<AccessToken2.Permission> permissions(String key) {
            List<AccessToken2.Permission> out = new ArrayList<>();
            for (Object o : (List<?>) values.get(key)) {
                List<?> p = (List<?>) o;
                List<String> resources = new ArrayList<>();
                for (Object r : (List<?>) p.get(2)) {
                    resources.add((String) r);
                }
                out.add(new AccessToken2.Permission((int) (long) (Long) p.get(0), (int) (long) (Long) p.get(1),
                        resources));
            }
            return out;
        }
    }

    @FunctionalInterface
    interface Call {
        String build(String appId, String appCertificate, Args a);
    }

    /** python3 name to the Java call. */
    static final Map<String, Call> BY_NAME = new LinkedHashMap<>();

    static {
        RtcTokenBuilder2 rtc = new RtcTokenBuilder2();
        RtmTokenBuilder2 rtm = new RtmTokenBuilder2();
        ChatTokenBuilder2 chat = new ChatTokenBuilder2();
        ApaasTokenBuilder apaas = new ApaasTokenBuilder();
        EducationTokenBuilder2 education = new EducationTokenBuilder2();
        BY_NAME.put("rtc.build_token_with_uid", (id, c, a) -> rtc.buildTokenWithUid(id, c, a.s("channel_name"),
                a.n("uid"), a.role("role"), a.n("token_expire"), a.n("privilege_expire")));
        BY_NAME.put("rtc.build_token_with_user_account", (id, c, a) -> rtc.buildTokenWithUserAccount(id, c,
                a.s("channel_name"), a.s("account"), a.role("role"), a.n("token_expire"), a.n("privilege_expire")));
        BY_NAME.put("rtc.build_token_with_uid_and_privilege", (id, c, a) -> rtc.buildTokenWithUid(id, c,
                a.s("channel_name"), a.n("uid"), a.n("token_expire"), a.n("join_channel_privilege_expire"),
                a.n("pub_audio_privilege_expire"), a.n("pub_video_privilege_expire"),
                a.n("pub_data_stream_privilege_expire")));
        BY_NAME.put("rtc.build_token_with_user_account_and_privilege", (id, c, a) -> rtc.buildTokenWithUserAccount(id,
                c, a.s("channel_name"), a.s("account"), a.n("token_expire"), a.n("join_channel_privilege_expire"),
                a.n("pub_audio_privilege_expire"), a.n("pub_video_privilege_expire"),
                a.n("pub_data_stream_privilege_expire")));
        BY_NAME.put("rtc.build_token_with_rtm", (id, c, a) -> rtc.buildTokenWithRtm(id, c, a.s("channel_name"),
                a.s("account"), a.role("role"), a.n("token_expire"), a.n("privilege_expire")));
        BY_NAME.put("rtc.build_token_with_rtm2", (id, c, a) -> rtc.buildTokenWithRtm2(id, c, a.s("channel_name"),
                a.s("rtc_account"), a.role("rtc_role"), a.n("rtc_token_expire"), a.n("join_channel_privilege_expire"),
                a.n("pub_audio_privilege_expire"), a.n("pub_video_privilege_expire"),
                a.n("pub_data_stream_privilege_expire"), a.s("rtm_user_id"), a.n("rtm_token_expire")));
        BY_NAME.put("rtm.build_token", (id, c, a) -> rtm.buildToken(id, c, a.s("user_id"), a.n("expire")));
        BY_NAME.put("rtm.build_token_with_permissions", (id, c, a) -> rtm.buildTokenWithPermissions(id, c,
                a.s("user_id"), a.permissions("permissions"), a.n("expire")));
        BY_NAME.put("chat.build_user_token", (id, c, a) -> chat.buildUserToken(id, c, a.s("user_id"), a.n("expire")));
        BY_NAME.put("chat.build_app_token", (id, c, a) -> chat.buildAppToken(id, c, a.n("expire")));
        BY_NAME.put("fpa.build_token", (id, c, a) -> new FpaTokenBuilder().buildToken(id, c));
        BY_NAME.put("apaas.build_room_user_token", (id, c, a) -> apaas.buildRoomUserToken(id, c, a.s("room_uuid"),
                a.s("user_uuid"), (int) a.n("role"), a.n("expire")));
        BY_NAME.put("apaas.build_user_token", (id, c, a) -> apaas.buildUserToken(id, c, a.s("user_uuid"),
                a.n("expire")));
        BY_NAME.put("apaas.build_app_token", (id, c, a) -> apaas.buildAppToken(id, c, a.n("expire")));
        BY_NAME.put("education.build_room_user_token", (id, c, a) -> education.buildRoomUserToken(id, c,
                a.s("room_uuid"), a.s("user_uuid"), (int) a.n("role"), a.n("expire")));
        BY_NAME.put("education.build_user_token", (id, c, a) -> education.buildUserToken(id, c, a.s("user_uuid"),
                a.n("expire")));
        BY_NAME.put("education.build_app_token", (id, c, a) -> education.buildAppToken(id, c, a.n("expire")));
        BY_NAME.put("convoai.build_token", (id, c, a) -> new ConvoAITokenBuilder().buildToken(id, c,
                a.s("channel_name"), a.s("rtc_account"), a.role("rtc_role"), a.n("rtc_token_expire"),
                a.n("join_channel_privilege_expire"), a.n("pub_audio_privilege_expire"),
                a.n("pub_video_privilege_expire"), a.n("pub_data_stream_privilege_expire"), a.s("rtm_user_id"),
                a.n("rtm_token_expire")));
        BY_NAME.put("stt.build_token", (id, c, a) -> new SttTokenBuilder().buildToken(id, c, a.s("channel_name"),
                a.s("rtc_account"), a.role("rtc_role"), a.n("rtc_token_expire"), a.n("join_channel_privilege_expire"),
                a.n("pub_audio_privilege_expire"), a.n("pub_video_privilege_expire"),
                a.n("pub_data_stream_privilege_expire"), a.s("rtm_user_id"), a.n("rtm_token_expire")));
    }

    /** Calls the Java builder with this python3 name. */
    static String call(String name, String appId, String appCertificate, Map<String, Object> args) {
        Call call = BY_NAME.get(name);
        if (call == null) {
            throw new IllegalArgumentException("no Java builder for " + name);
        }
        return call.build(appId, appCertificate, new Args(name, args));
    }
}
