/*
 * C unit tests of the sized calls of libagoratoken: AccessToken2 (007) and
 * the agora_token006_* forms, written against include/agora_token.h only.
 * Built as C99 with -Wall -Wextra -Werror -pedantic, linked against the
 * static and the shared library, and run under ASan/UBSan/LSan by `make
 * sanitize`. Prints "test_capi007: N checks, M failed".
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agora_token.h"

static int checks = 0, failures = 0;
static agora_token_error last; /* the error object of the last failing call, for the report */

#define CHECK(cond)                                                                                       \
    do {                                                                                                  \
        checks++;                                                                                         \
        if (!(cond)) {                                                                                    \
            failures++;                                                                                   \
            fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %d %.*s)\n", __FILE__, __LINE__, #cond, \
                    last.code, (int)last.len, last.message);                                              \
        }                                                                                                 \
    } while (0)

#define CHECK_STATUS(expr, status) CHECK((expr) == (status))

static const char *APP_ID = "970CA35de60c44645bbae8a215061b33";
static const char *CERT = "5CFd2fd1755d40ecb72977518be15d3b";
static const char *CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
/* build007 p-build007-0001 (uid 2882341273, issue_ts 1111111, salt 1, expire 600, JoinChannel 600). */
static const char *SAMPLE =
    "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoA"
    "wBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj";

static agora_token_str S(const char *s) {
    agora_token_str r;
    r.ptr = s;
    r.len = strlen(s);
    return r;
}

static agora_token_str NONE_STR(void) {
    agora_token_str r;
    r.ptr = NULL;
    r.len = 0;
    return r;
}

static int starts_with(const agora_token_error *e, const char *prefix) {
    return e->len >= strlen(prefix) && strncmp(e->message, prefix, strlen(prefix)) == 0 && e->message[e->len] == '\0';
}

/* A fresh error object, filled with a marker so that a write shows. */
static agora_token_error fresh_error(void) {
    agora_token_error e;
    memset(&e, 0, sizeof e);
    e.code = 12345;
    return e;
}

#define CAP 2048

/* Calls agora_token2_build; on success the token (NUL added here) is in out. */
static int build2(uint32_t id, const agora_token2_args *args, char *out, size_t cap, size_t *len) {
    agora_token_error e = fresh_error();
    int rc = agora_token2_build(id, APP_ID, strlen(APP_ID), CERT, strlen(CERT), args, out, cap, len, &e);
    if (rc == 0) {
        CHECK(e.code == 12345); /* the error object is written only on failure */
        if (*len < cap) out[*len] = '\0';
    } else {
        CHECK(e.code == rc);
        last = e;
    }
    return rc;
}

static agora_token2_args pinned(int64_t issue_ts, int64_t salt) {
    agora_token2_args a;
    memset(&a, 0, sizeof a);
    a.has_issue_ts = a.has_salt = 1;
    a.issue_ts = issue_ts;
    a.salt = salt;
    return a;
}

/* Parses a token and checks its shape: services of these types, in order. */
static void check_services(const char *token, size_t len, const int64_t *types, size_t n) {
    agora_token2_info *info = NULL;
    agora_token_error e = fresh_error();
    CHECK_STATUS(agora_token2_parse(token, len, &info, &e), AGORA_TOKEN_OK);
    if (!info) return;
    CHECK(info->service_count == n);
    for (size_t i = 0; i < n && i < info->service_count; i++) CHECK(info->services[i].service_type == types[i]);
    agora_token2_info_free(info);
}

static void test_sample_and_sizes(void) {
    agora_token_str strs[1];
    int64_t ints[] = {2882341273LL, AGORA_TOKEN2_ROLE_SUBSCRIBER, 600, 600};
    agora_token2_args a = pinned(1111111, 1);
    char out[CAP];
    size_t len = 0;
    strs[0] = S(CHANNEL);
    a.strs = strs;
    a.str_count = 1;
    a.ints = ints;
    a.int_count = 4;
    CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, out, CAP, &len), AGORA_TOKEN_OK);
    CHECK(len == strlen(SAMPLE) && strcmp(out, SAMPLE) == 0);

    /* Exact fit; one byte short (nothing written); a size query. */
    memset(out, 'x', sizeof out);
    len = 0;
    CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, out, strlen(SAMPLE), &len), AGORA_TOKEN_OK);
    CHECK(len == strlen(SAMPLE) && memcmp(out, SAMPLE, len) == 0);
    memset(out, 'x', sizeof out);
    len = 777;
    agora_token_error e = fresh_error();
    CHECK_STATUS(agora_token2_build(0, APP_ID, 32, CERT, 32, &a, out, strlen(SAMPLE) - 1, &len, &e),
                 AGORA_TOKEN_ERR_BUFFER_TOO_SMALL);
    CHECK(e.needed == strlen(SAMPLE) && len == 777 && out[0] == 'x' && starts_with(&e, "buffer_too_small:"));
    e = fresh_error();
    CHECK_STATUS(agora_token2_build(0, APP_ID, 32, CERT, 32, &a, NULL, 0, &len, &e), AGORA_TOKEN_ERR_BUFFER_TOO_SMALL);
    CHECK(e.needed == strlen(SAMPLE));
    /* Without pins: now and a fresh salt, so two tokens differ. */
    char out2[CAP];
    size_t len2 = 0;
    a.has_issue_ts = a.has_salt = 0;
    CHECK_STATUS(build2(0, &a, out, CAP, &len), AGORA_TOKEN_OK);
    CHECK_STATUS(build2(0, &a, out2, CAP, &len2), AGORA_TOKEN_OK);
    CHECK(len > 3 && memcmp(out, "007", 3) == 0 && (len != len2 || memcmp(out, out2, len) != 0));
}

/* Every row of the table, by its header constant, with the parameters its info lists. */
static void test_every_builder(void) {
    static const char *names[] = {
        "rtc.build_token_with_uid", "rtc.build_token_with_user_account", "rtc.build_token_with_uid_and_privilege",
        "rtc.build_token_with_user_account_and_privilege", "rtc.build_token_with_rtm", "rtc.build_token_with_rtm2",
        "rtm.build_token", "rtm.build_token_with_permissions", "chat.build_user_token", "chat.build_app_token",
        "fpa.build_token", "apaas.build_room_user_token", "apaas.build_user_token", "apaas.build_app_token",
        "education.build_room_user_token", "education.build_user_token", "education.build_app_token",
        "convoai.build_token", "stt.build_token",
    };
    /* The services each builder writes, in token order (sorted by type). */
    static const int64_t shapes[19][3] = {
        {1}, {1}, {1}, {1}, {1, 2}, {1, 2}, {2}, {8}, {5}, {5}, {4}, {2, 5, 7}, {7}, {7}, {2, 5, 7}, {7}, {7},
        {1, 2, 9}, {1, 2, 10},
    };
    static const size_t shape_len[19] = {1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 3, 1, 1, 3, 1, 1, 3, 3};
    CHECK(agora_token2_builder_count() == 19);
    CHECK(AGORA_TOKEN2_STT_BUILD_TOKEN == 18 && AGORA_TOKEN2_FPA_BUILD_TOKEN == 10);
    for (uint32_t id = 0; id < agora_token2_builder_count() && id < 19; id++) {
        const agora_token2_builder_info *info = NULL;
        agora_token_error e = fresh_error();
        CHECK_STATUS(agora_token2_builder_get_info(id, &info, &e), AGORA_TOKEN_OK);
        if (!info) continue;
        CHECK(info->name.len == strlen(names[id]) && memcmp(info->name.ptr, names[id], info->name.len) == 0);
        uint32_t found = 99;
        CHECK_STATUS(agora_token2_builder_find(names[id], strlen(names[id]), &found, &e), AGORA_TOKEN_OK);
        CHECK(found == id);

        agora_token_str strs[8], res[2];
        int64_t ints[16];
        agora_token2_permission grant;
        agora_token2_args a = pinned(1700000000, 77);
        res[0] = S("chan-1");
        res[1] = S("chan-2");
        grant.resource_type = AGORA_TOKEN2_RTM2_MESSAGE_CHANNELS;
        grant.permission_type = AGORA_TOKEN2_RTM2_WRITE;
        grant.resources = res;
        grant.resource_count = 2;
        for (size_t i = 0; i < info->param_count; i++) {
            const agora_token2_param *p = &info->params[i];
            switch (p->kind) {
            case AGORA_TOKEN2_PARAM_STR:
                strs[a.str_count] = S(a.str_count == 0 ? "room-1" : "user-1");
                a.str_count++;
                break;
            case AGORA_TOKEN2_PARAM_PERMISSIONS: a.permissions = &grant; a.permission_count = 1; break;
            case AGORA_TOKEN2_PARAM_RTC_ROLE: ints[a.int_count++] = AGORA_TOKEN2_ROLE_PUBLISHER; break;
            case AGORA_TOKEN2_PARAM_APAAS_ROLE: ints[a.int_count++] = -1; break;
            case AGORA_TOKEN2_PARAM_UID: ints[a.int_count++] = 42; break;
            default: ints[a.int_count++] = 3600; break;
            }
        }
        a.strs = strs;
        a.ints = ints;
        char out[CAP];
        size_t len = 0;
        CHECK_STATUS(build2(id, &a, out, CAP, &len), AGORA_TOKEN_OK);
        check_services(out, len, shapes[id], shape_len[id]);
        /* Pinned: the same arguments give the same token. */
        char again[CAP];
        size_t len2 = 0;
        CHECK_STATUS(build2(id, &a, again, CAP, &len2), AGORA_TOKEN_OK);
        CHECK(len == len2 && memcmp(out, again, len) == 0);
    }
    const agora_token2_builder_info *info = (const agora_token2_builder_info *)&checks;
    agora_token_error e = fresh_error();
    CHECK_STATUS(agora_token2_builder_get_info(19, &info, &e), AGORA_TOKEN_ERR_INTERNAL);
    CHECK(info == (const agora_token2_builder_info *)&checks && starts_with(&e, "internal:"));
    uint32_t found = 5;
    CHECK_STATUS(agora_token2_builder_find("rtc.nope", 8, &found, &e), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK(found == 5);
    /* Optional trailing parameters take python3's defaults. */
    const agora_token2_builder_info *uid_info = NULL;
    CHECK_STATUS(agora_token2_builder_get_info(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &uid_info, NULL), 0);
    if (uid_info) {
        CHECK(uid_info->param_count == 5 && uid_info->params[4].has_default && uid_info->params[4].default_value == 0);
        CHECK(uid_info->params[1].kind == AGORA_TOKEN2_PARAM_UID && !uid_info->params[1].has_default);
    }
}

static void test_argument_errors(void) {
    agora_token_str room[2];
    int64_t ints[8];
    agora_token2_args a;
    char out[CAP];
    size_t len = 0;
    room[0] = S("room");
    room[1] = S("extra");
    struct {
        int64_t ints[5];
        size_t n;
        int status;
    } cases[] = {
        {{4294967296LL, 1, 600}, 3, AGORA_TOKEN_ERR_UID},
        {{-1, 1, 600}, 3, AGORA_TOKEN_ERR_UID},
        {{7, 3, 600}, 3, AGORA_TOKEN_ERR_ROLE},
        {{7, 0, 600}, 3, AGORA_TOKEN_ERR_ROLE},
        {{7, 1, -1}, 3, AGORA_TOKEN_ERR_EXPIRE},
        {{7, 1, 600, 4294967296LL}, 4, AGORA_TOKEN_ERR_EXPIRE_TS},
        {{7, 1}, 2, AGORA_TOKEN_ERR_NULL_ARGUMENT},
        {{7, 1, 600, 0, 5}, 5, AGORA_TOKEN_ERR_NULL_ARGUMENT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        memset(&a, 0, sizeof a);
        memcpy(ints, cases[i].ints, sizeof cases[i].ints);
        a.strs = room;
        a.str_count = 1;
        a.ints = ints;
        a.int_count = cases[i].n;
        CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, out, CAP, &len), cases[i].status);
        CHECK(starts_with(&last, agora_token_error_name(cases[i].status)) || cases[i].status == AGORA_TOKEN_ERR_NULL_ARGUMENT);
    }
    int64_t ok_ints[] = {7, 1, 600};
    memset(&a, 0, sizeof a);
    a.strs = room;
    a.ints = ok_ints;
    a.int_count = 3;
    a.str_count = 2; /* one string too many */
    CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, out, CAP, &len), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    a.str_count = 0; /* the channel left out */
    CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, out, CAP, &len), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    /* Empty and bad strings name their field. */
    agora_token_str bad[1];
    bad[0] = S("");
    a.strs = bad;
    a.str_count = 1;
    CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, out, CAP, &len), AGORA_TOKEN_ERR_CHANNEL_NAME);
    CHECK(starts_with(&last, "channel_name:"));
    bad[0] = S("bad/name");
    CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, out, CAP, &len), AGORA_TOKEN_ERR_CHANNEL_NAME);
    bad[0].ptr = "ro\0om";
    bad[0].len = 5; /* a NUL byte fails the field's check */
    CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, out, CAP, &len), AGORA_TOKEN_ERR_CHANNEL_NAME);
    bad[0] = S("ro\xffom"); /* not UTF-8 */
    CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, out, CAP, &len), AGORA_TOKEN_ERR_CHANNEL_NAME);
    CHECK(starts_with(&last, "channel_name: is not valid UTF-8"));
    /* RTM user id: empty, too long; chat user token without a user. */
    int64_t expire[] = {600};
    memset(&a, 0, sizeof a);
    a.strs = bad;
    a.str_count = 1;
    a.ints = expire;
    a.int_count = 1;
    bad[0] = S("");
    CHECK_STATUS(build2(AGORA_TOKEN2_RTM_BUILD_TOKEN, &a, out, CAP, &len), AGORA_TOKEN_ERR_USER_ID);
    CHECK_STATUS(build2(AGORA_TOKEN2_CHAT_BUILD_USER_TOKEN, &a, out, CAP, &len), AGORA_TOKEN_ERR_USER_ID);
    char long_id[300];
    memset(long_id, 'u', sizeof long_id - 1);
    long_id[sizeof long_id - 1] = '\0';
    bad[0] = S(long_id);
    CHECK_STATUS(build2(AGORA_TOKEN2_RTM_BUILD_TOKEN, &a, out, CAP, &len), AGORA_TOKEN_ERR_USER_ID);
    /* APaaS role outside i16. */
    agora_token_str uu[2];
    int64_t role_expire[] = {32768, 600};
    uu[0] = S("room");
    uu[1] = S("user");
    memset(&a, 0, sizeof a);
    a.strs = uu;
    a.str_count = 2;
    a.ints = role_expire;
    a.int_count = 2;
    CHECK_STATUS(build2(AGORA_TOKEN2_APAAS_BUILD_ROOM_USER_TOKEN, &a, out, CAP, &len), AGORA_TOKEN_ERR_ROLE);
    /* RTM2 grants. */
    agora_token_str user[1], res[1];
    agora_token2_permission g;
    user[0] = S("bob");
    res[0] = S("c");
    memset(&a, 0, sizeof a);
    a.strs = user;
    a.str_count = 1;
    g.resource_type = 5;
    g.permission_type = 0;
    g.resources = res;
    g.resource_count = 1;
    a.permissions = &g;
    a.permission_count = 1;
    CHECK_STATUS(build2(AGORA_TOKEN2_RTM_BUILD_TOKEN_WITH_PERMISSIONS, &a, out, CAP, &len), AGORA_TOKEN_ERR_PERMISSION);
    g.resource_type = 0;
    g.permission_type = 2;
    CHECK_STATUS(build2(AGORA_TOKEN2_RTM_BUILD_TOKEN_WITH_PERMISSIONS, &a, out, CAP, &len), AGORA_TOKEN_ERR_PERMISSION);
    g.permission_type = 1;
    g.resources = NULL; /* resource_count 1 with no array */
    CHECK_STATUS(build2(AGORA_TOKEN2_RTM_BUILD_TOKEN_WITH_PERMISSIONS, &a, out, CAP, &len), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    g.resources = res;
    CHECK_STATUS(build2(AGORA_TOKEN2_RTM_BUILD_TOKEN_WITH_PERMISSIONS, &a, out, CAP, &len), AGORA_TOKEN_OK);
    /* Bad credentials come after the arguments; the certificate is never quoted. */
    agora_token_error e = fresh_error();
    CHECK_STATUS(agora_token2_build(AGORA_TOKEN2_FPA_BUILD_TOKEN, "", 0, CERT, 32, NULL, out, CAP, &len, &e),
                 AGORA_TOKEN_ERR_APP_ID);
    const char *secret = "5CFd2fd1755d40ecb72977518be15d3Z";
    CHECK_STATUS(agora_token2_build(AGORA_TOKEN2_FPA_BUILD_TOKEN, APP_ID, 32, secret, 32, NULL, out, CAP, &len, &e),
                 AGORA_TOKEN_ERR_APP_CERTIFICATE);
    CHECK(strstr(e.message, "5CFd2fd1755d40ecb72977518be15d3") == NULL);
    /* Bad pins. */
    agora_token2_args p = pinned(-1, 0);
    CHECK_STATUS(build2(AGORA_TOKEN2_FPA_BUILD_TOKEN, &p, out, CAP, &len), AGORA_TOKEN_ERR_ISSUE_TS);
    p = pinned(0, 4294967296LL);
    CHECK_STATUS(build2(AGORA_TOKEN2_FPA_BUILD_TOKEN, &p, out, CAP, &len), AGORA_TOKEN_ERR_SALT);
    CHECK_STATUS(build2(19, NULL, out, CAP, &len), AGORA_TOKEN_ERR_INTERNAL);
}

static void test_nulls(void) {
    char out[CAP];
    size_t len = 4242;
    const int N = AGORA_TOKEN_ERR_NULL_ARGUMENT;
    agora_token_error e = fresh_error();
    const uint32_t fpa = AGORA_TOKEN2_FPA_BUILD_TOKEN;
    memset(out, 'x', sizeof out);
    CHECK_STATUS(agora_token2_build(fpa, NULL, 32, CERT, 32, NULL, out, CAP, &len, &e), N);
    CHECK(starts_with(&e, "null_argument: app_id"));
    CHECK_STATUS(agora_token2_build(fpa, APP_ID, 32, NULL, 32, NULL, out, CAP, &len, &e), N);
    CHECK_STATUS(agora_token2_build(fpa, APP_ID, 32, CERT, 32, NULL, NULL, CAP, &len, &e), N);
    CHECK_STATUS(agora_token2_build(fpa, APP_ID, 32, CERT, 32, NULL, out, CAP, NULL, &e), N);
    CHECK_STATUS(agora_token2_build(fpa, NULL, 32, CERT, 32, NULL, out, CAP, &len, NULL), N); /* error is nullable */
    agora_token2_args a;
    memset(&a, 0, sizeof a);
    a.int_count = 1; /* ints NULL */
    CHECK_STATUS(agora_token2_build(AGORA_TOKEN2_CHAT_BUILD_APP_TOKEN, APP_ID, 32, CERT, 32, &a, out, CAP, &len, &e), N);
    CHECK(len == 4242 && out[0] == 'x');

    CHECK_STATUS(agora_token2_build_data(NULL, out, CAP, &len, &e), N);
    agora_token2_data d;
    memset(&d, 0, sizeof d);
    d.app_id = S(APP_ID);
    d.app_certificate = S(CERT);
    d.service_count = 1; /* services NULL */
    CHECK_STATUS(agora_token2_build_data(&d, out, CAP, &len, &e), N);

    agora_token2_info *info = (agora_token2_info *)&checks;
    CHECK_STATUS(agora_token2_parse(NULL, 3, &info, &e), N);
    CHECK_STATUS(agora_token2_parse(SAMPLE, strlen(SAMPLE), NULL, &e), N);
    CHECK(info == (agora_token2_info *)&checks);
    int r = 42;
    CHECK_STATUS(agora_token2_verify(SAMPLE, strlen(SAMPLE), CERT, 32, NULL, 0, NULL, &e), N);
    CHECK_STATUS(agora_token2_verify(NULL, 5, CERT, 32, NULL, 0, &r, &e), N);
    CHECK_STATUS(agora_token2_verify(SAMPLE, strlen(SAMPLE), NULL, 32, NULL, 0, &r, &e), N);
    CHECK(r == 42);
    CHECK_STATUS(agora_token2_builder_get_info(0, NULL, &e), N);
    CHECK_STATUS(agora_token2_builder_find(NULL, 3, NULL, &e), N);
    agora_token2_info_free(NULL);
    /* (NULL, 0) is the empty string: the field's own check. */
    CHECK_STATUS(agora_token2_parse(NULL, 0, &info, &e), AGORA_TOKEN_ERR_VERSION);
    CHECK_STATUS(agora_token2_verify(SAMPLE, strlen(SAMPLE), NULL, 0, NULL, 0, &r, &e), AGORA_TOKEN_ERR_APP_CERTIFICATE);
}

static agora_token2_service service(int64_t type) {
    agora_token2_service s;
    memset(&s, 0, sizeof s);
    s.service_type = type;
    return s;
}

static agora_token2_data data(const agora_token2_service *services, size_t n) {
    agora_token2_data d;
    memset(&d, 0, sizeof d);
    d.app_id = S(APP_ID);
    d.app_certificate = S(CERT);
    d.has_issue_ts = d.has_salt = 1;
    d.issue_ts = 1111111;
    d.expire = 600;
    d.salt = 1;
    d.services = services;
    d.service_count = n;
    return d;
}

static int build_data(const agora_token2_data *d, char *out, size_t *len) {
    agora_token_error e = fresh_error();
    int rc = agora_token2_build_data(d, out, CAP, len, &e);
    if (rc != 0) {
        CHECK(e.code == rc);
        last = e;
    } else {
        out[*len] = '\0';
    }
    return rc;
}

static void test_data(void) {
    agora_token2_privilege join = {AGORA_TOKEN2_PRIVILEGE_JOIN_CHANNEL, 600};
    agora_token2_service rtc = service(AGORA_TOKEN2_SERVICE_RTC);
    rtc.privileges = &join;
    rtc.privilege_count = 1;
    rtc.channel_name = S(CHANNEL);
    rtc.has_uid = 1;
    rtc.uid = 2882341273LL;
    agora_token2_data d = data(&rtc, 1);
    char out[CAP];
    size_t len = 0;
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_OK);
    CHECK(strcmp(out, SAMPLE) == 0);

    /* All ten types, shuffled: packed sorted by type. */
    agora_token2_service all[10];
    agora_token2_privilege one = {1, 0}, none = {0, 0};
    agora_token_str res = S("g1");
    agora_token2_permission grant = {AGORA_TOKEN2_RTM2_USERS, AGORA_TOKEN2_RTM2_READ, NULL, 1};
    grant.resources = &res;
    (void)none;
    for (int i = 0; i < 10; i++) {
        all[i] = service(10 - i);
        if (10 - i != 9 && 10 - i != 10) {
            all[i].privileges = &one;
            all[i].privilege_count = 1;
        }
    }
    /* types at index: 0:10 1:9 2:8 3:7 4:6 5:5 6:4 7:3 8:2 9:1 */
    all[2].user_id = S("u8");
    all[2].permissions = &grant;
    all[2].permission_count = 1;
    all[3].room_uuid = S("room");
    all[3].user_uuid = S("user");
    all[3].has_role = 1;
    all[3].role = -32768;
    all[4].channel_name = S("fcdn");
    all[4].user_account = S("acc");
    all[5].user_id = S(""); /* chat: empty is the app token's user */
    all[7].channel_name = S("stream");
    all[7].has_uid = 1;
    all[7].uid = 0;
    all[8].user_id = S("rtm");
    all[9].channel_name = S("rtc");
    all[9].has_uid = 1;
    all[9].uid = 4294967295LL;
    d = data(all, 10);
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_OK);
    {
        int64_t types[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        check_services(out, len, types, 10);
    }
    agora_token2_info *info = NULL;
    agora_token_error e = fresh_error();
    CHECK_STATUS(agora_token2_parse(out, len, &info, &e), AGORA_TOKEN_OK);
    if (info) {
        const agora_token2_service *s = info->services;
        CHECK(s[0].user_account.len == 10 && memcmp(s[0].user_account.ptr, "4294967295", 10) == 0);
        CHECK(s[2].user_account.len == 0 && s[2].user_account.ptr != NULL); /* uid 0 packs as "" */
        CHECK(s[6].has_role && s[6].role == -32768 && s[6].room_uuid.len == 4);
        CHECK(s[7].permission_count == 1 && s[7].permissions[0].resource_type == AGORA_TOKEN2_RTM2_USERS);
        CHECK(s[7].permissions[0].resource_count == 1 && s[7].permissions[0].resources[0].len == 2);
        CHECK(s[8].privilege_count == 0 && s[8].privileges == NULL);
        CHECK(info->app_id.len == 32 && memcmp(info->app_id.ptr, APP_ID, 32) == 0);
        CHECK(info->content_len > 34 && info->content[0] == 32 && info->content[1] == 0);
    }
    agora_token2_info_free(info); /* once; ASan reports a second free or a leak */

    /* The invalid007 rules, one broken at a time. */
    d = data(&rtc, 1);
    d.service_count = 0;
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_ERR_NO_SERVICE);
    d = data(&rtc, 1);
    d.expire = -1;
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_ERR_EXPIRE);
    d = data(&rtc, 1);
    d.app_certificate = S("00112233445566778899aabbccdd ee ");
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_ERR_APP_CERTIFICATE);
    agora_token2_service bad = rtc;
    bad.service_type = 11;
    d = data(&bad, 1);
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_ERR_SERVICE);
    bad = rtc;
    bad.user_account = S("also");
    d = data(&bad, 1);
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_ERR_NULL_ARGUMENT); /* uid and account */
    bad = rtc;
    bad.channel_name = NONE_STR();
    d = data(&bad, 1);
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK(starts_with(&last, "null_argument: channel_name") || starts_with(&last, "channel_name:"));
    agora_token2_privilege rtc5 = {5, 0};
    bad = rtc;
    bad.privileges = &rtc5;
    d = data(&bad, 1);
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_ERR_PRIVILEGE);
    agora_token2_service convo = service(AGORA_TOKEN2_SERVICE_CONVOAI);
    convo.privileges = &one;
    convo.privilege_count = 1;
    d = data(&convo, 1);
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_ERR_PRIVILEGE); /* ConvoAI has none */
    agora_token2_service apaas = service(AGORA_TOKEN2_SERVICE_APAAS);
    d = data(&apaas, 1);
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_ERR_NULL_ARGUMENT); /* role is required */
}

static void test_parse_and_verify(void) {
    struct {
        const char *token;
        int status;
    } rejects[] = {
        {"", AGORA_TOKEN_ERR_VERSION},
        {"006970CA35de60c44645bbae8a215061b33AAAA", AGORA_TOKEN_ERR_VERSION},
        {"007eJ", AGORA_TOKEN_ERR_BASE64},
        {"007", AGORA_TOKEN_ERR_ZLIB},
        {"007AAAA", AGORA_TOKEN_ERR_ZLIB},
    };
    for (size_t i = 0; i < sizeof rejects / sizeof rejects[0]; i++) {
        agora_token2_info *info = NULL;
        agora_token_error e = fresh_error();
        CHECK_STATUS(agora_token2_parse(rejects[i].token, strlen(rejects[i].token), &info, &e), rejects[i].status);
        CHECK(info == NULL && e.code == rejects[i].status);
        CHECK(starts_with(&e, agora_token_error_name(rejects[i].status)));
    }
    /* A NUL inside the token text is a base64 failure. */
    char with_nul[512];
    strcpy(with_nul, SAMPLE);
    with_nul[10] = '\0';
    agora_token2_info *info = NULL;
    agora_token_error e = fresh_error();
    CHECK_STATUS(agora_token2_parse(with_nul, strlen(SAMPLE), &info, &e), AGORA_TOKEN_ERR_BASE64);

    int r = -1;
    agora_token2_expected x;
    size_t n = strlen(SAMPLE);
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, CERT, 32, NULL, 1111111 + 600, &r, &e), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_OK);
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, CERT, 32, NULL, 1111111 + 601, &r, &e), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_EXPIRED);
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, "5cfd2fd1755d40ecb72977518be15d3b", 32, NULL, 0, &r, &e), 0);
    CHECK(r == AGORA_TOKEN_VERIFY_SIGNATURE_MISMATCH);
    memset(&x, 0, sizeof x);
    x.channel_name = S(CHANNEL);
    x.has_uid = 1;
    x.uid = 2882341273LL;
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, CERT, 32, &x, 1111111, &r, &e), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_OK);
    x.uid = 1;
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, CERT, 32, &x, 1111111, &r, &e), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_UID_MISMATCH);
    x.has_uid = 0;
    x.user_account = S("2882341273");
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, CERT, 32, &x, 1111111, &r, &e), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_OK);
    x.channel_name = S("other");
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, CERT, 32, &x, 1111111, &r, &e), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_CHANNEL_MISMATCH);
    x.app_id = S("970ca35de60c44645bbae8a215061b33");
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, CERT, 32, &x, 1111111, &r, &e), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_APP_ID_MISMATCH);
    CHECK(strcmp(agora_token_verify_result_name(AGORA_TOKEN_VERIFY_SERVICE_MISSING), "service_missing") == 0);
    r = 42;
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, CERT, 32, NULL, -1, &r, &e), AGORA_TOKEN_ERR_NOW);
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, CERT, 32, NULL, 4294967296LL, &r, &e), AGORA_TOKEN_ERR_NOW);
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, "short", 5, NULL, 0, &r, &e), AGORA_TOKEN_ERR_APP_CERTIFICATE);
    CHECK_STATUS(agora_token2_verify("007", 3, CERT, 32, NULL, 0, &r, &e), AGORA_TOKEN_ERR_ZLIB);
    memset(&x, 0, sizeof x);
    x.channel_name = S(CHANNEL); /* neither uid nor account */
    CHECK_STATUS(agora_token2_verify(SAMPLE, n, CERT, 32, &x, 0, &r, &e), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK(r == 42);

    /* A chat token has no RTC service. */
    int64_t expire[] = {600};
    agora_token2_args a = pinned(1111111, 1);
    char out[CAP];
    size_t len = 0;
    a.ints = expire;
    a.int_count = 1;
    CHECK_STATUS(build2(AGORA_TOKEN2_CHAT_BUILD_APP_TOKEN, &a, out, CAP, &len), AGORA_TOKEN_OK);
    x.has_uid = 1;
    x.uid = 0;
    CHECK_STATUS(agora_token2_verify(out, len, CERT, 32, &x, 1111111, &r, &e), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_SERVICE_MISSING);
}

static void test_long_message_is_cut(void) {
    /* A 300-byte user id is refused with a message that fits, NUL-terminated. */
    char id[400];
    memset(id, 'a', sizeof id - 1);
    id[sizeof id - 1] = '\0';
    agora_token_str strs[1];
    int64_t ints[] = {60};
    agora_token2_args a;
    memset(&a, 0, sizeof a);
    strs[0] = S(id);
    a.strs = strs;
    a.str_count = 1;
    a.ints = ints;
    a.int_count = 1;
    char out[CAP];
    size_t len = 0;
    CHECK_STATUS(build2(AGORA_TOKEN2_RTM_BUILD_TOKEN, &a, out, CAP, &len), AGORA_TOKEN_ERR_USER_ID);
    CHECK(last.len < sizeof last.message && last.message[last.len] == '\0' && strlen(last.message) == last.len);
}

static void test_sized_006(void) {
    char out[256];
    size_t len = 0;
    agora_token_error e = fresh_error();
    CHECK_STATUS(agora_token006_build_rtc(APP_ID, 32, CERT, 32, CHANNEL, 32, NULL, 0, 2882341273u,
                                          AGORA_TOKEN_ROLE_PUBLISHER, 0, out, sizeof out, &len, &e),
                 AGORA_TOKEN_OK);
    CHECK(len > 100 && memcmp(out, "006", 3) == 0);
    agora_token006_parsed p;
    memset(&p, 0, sizeof p);
    CHECK_STATUS(agora_token006_parse(out, len, &p, &e), AGORA_TOKEN_OK);
    CHECK(memcmp(p.app_id, APP_ID, 32) == 0 && p.signature_len == 32 && p.privilege_count == 4);
    CHECK(p.privileges[0].id == AGORA_TOKEN_PRIVILEGE_JOIN_CHANNEL && p.privileges[3].id == 4);
    int r = -1;
    CHECK_STATUS(agora_token006_verify(out, len, NULL, 0, CERT, 32, CHANNEL, 32, "2882341273", 10, 0, 1, &r, &e), 0);
    CHECK(r == AGORA_TOKEN_VERIFY_OK);
    CHECK_STATUS(agora_token006_verify(out, len, APP_ID, 32, CERT, 32, CHANNEL, 32, NULL, 0, 1, 1, &r, &e), 0);
    CHECK(r == AGORA_TOKEN_VERIFY_UID_MISMATCH);
    /* The allocating and the sized calls agree on a user-account token. */
    agora_token_builder *b = NULL;
    CHECK_STATUS(agora_token_builder_new_user_account(APP_ID, CERT, CHANNEL, "alice", &b), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_set_salt(b, 9), 0);
    CHECK_STATUS(agora_token_builder_set_ts(b, 99), 0);
    CHECK_STATUS(agora_token_builder_init_privileges(b, AGORA_TOKEN_ROLE_PUBLISHER), 0);
    char *owned = NULL;
    CHECK_STATUS(agora_token_builder_build_token(b, &owned), 0);
    CHECK_STATUS(agora_token006_builder_build(b, out, sizeof out, &len, &e), 0);
    CHECK(owned && len == strlen(owned) && memcmp(out, owned, len) == 0);
    agora_token_string_free(owned);
    CHECK_STATUS(agora_token006_builder_build(b, out, 10, &len, &e), AGORA_TOKEN_ERR_BUFFER_TOO_SMALL);
    CHECK(e.needed > 10);
    CHECK_STATUS(agora_token006_builder_build(NULL, out, sizeof out, &len, &e), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    agora_token_builder_free(b);
    /* A NUL byte fails its field's own check, in the documented order. */
    CHECK_STATUS(agora_token006_build_rtc(APP_ID, 32, CERT, 32, "ro\0m", 4, NULL, 0, 1, 1, 0, out, sizeof out, &len, &e),
                 AGORA_TOKEN_ERR_CHANNEL_NAME);
    CHECK_STATUS(agora_token006_build_rtc(APP_ID, 32, CERT, 32, "room", 4, "a\0b", 3, 1, 1, 0, out, sizeof out, &len, &e),
                 AGORA_TOKEN_ERR_USER_ACCOUNT);
    CHECK_STATUS(agora_token006_build_rtc(APP_ID, 32, CERT, 32, "room", 4, "", 0, 1, 1, 0, out, sizeof out, &len, &e),
                 AGORA_TOKEN_ERR_USER_ACCOUNT);
    CHECK_STATUS(agora_token006_build_rtc(APP_ID, 32, CERT, 32, "room", 4, NULL, 0, 1, 7, 0, out, sizeof out, &len, &e),
                 AGORA_TOKEN_ERR_ROLE);
    CHECK_STATUS(agora_token006_build_rtm(APP_ID, 32, CERT, 32, "bob", 3, AGORA_TOKEN_RTM_ROLE_USER, 0, out, sizeof out,
                                          &len, &e),
                 0);
    /* Any RTM role, as in Agora's builders. */
    CHECK_STATUS(agora_token006_build_rtm(APP_ID, 32, CERT, 32, "bob", 3, 0, 0, out, sizeof out, &len, &e), 0);
    CHECK_STATUS(agora_token006_parse("006abc", 6, &p, &e), AGORA_TOKEN_ERR_APP_ID);
    CHECK_STATUS(agora_token006_parse("006abc", 6, NULL, &e), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK_STATUS(agora_token006_verify(out, len, NULL, 0, CERT, 32, NULL, 4, NULL, 0, 1, 1, &r, &e),
                 AGORA_TOKEN_ERR_NULL_ARGUMENT);
}

/* No thread-local state: each thread reads its own error object. */
static void *worker(void *arg) {
    int *bad = arg;
    for (int i = 0; i < 200; i++) {
        agora_token_error e = fresh_error();
        char out[CAP];
        size_t len = 0;
        int rc = agora_token2_build(AGORA_TOKEN2_FPA_BUILD_TOKEN, APP_ID, 32, *bad ? "x" : CERT, *bad ? 1 : 32, NULL,
                                    out, CAP, &len, &e);
        if (*bad ? (rc != AGORA_TOKEN_ERR_APP_CERTIFICATE || e.code != rc) : (rc != 0 || e.code != 12345)) return arg;
    }
    return NULL;
}

static void test_threads(void) {
    pthread_t t[4];
    int flags[4] = {0, 1, 0, 1};
    for (int i = 0; i < 4; i++) CHECK(pthread_create(&t[i], NULL, worker, &flags[i]) == 0);
    for (int i = 0; i < 4; i++) {
        void *res = &checks;
        CHECK(pthread_join(t[i], &res) == 0);
        CHECK(res == NULL);
    }
}

/* What migrating code hands over: a service of another type, a null role, a
 * uid as text, a fractional lifetime (token-core's rules, as the C ABI has them). */
static void test_reference_inputs(void) {
    agora_token2_privilege join = {AGORA_TOKEN2_PRIVILEGE_JOIN_CHANNEL, 600};
    agora_token2_service rtc = service(AGORA_TOKEN2_SERVICE_RTC);
    rtc.privileges = &join;
    rtc.privilege_count = 1;
    rtc.channel_name = S(CHANNEL);
    rtc.has_uid = 1;
    rtc.uid = 2882341273LL;
    agora_token2_privilege p[2] = {{1, 600}, {7, 30}};
    agora_token2_other_service other = {999, p, 2};
    agora_token2_data d = data(&rtc, 1);
    d.other_services = &other;
    d.other_service_count = 1;
    char out[CAP];
    size_t len = 0;
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_OK);
    agora_token2_info *info = NULL;
    agora_token_error e = fresh_error();
    CHECK_STATUS(agora_token2_parse(out, len, &info, &e), AGORA_TOKEN_ERR_SERVICE);
    CHECK(info == NULL);
    CHECK_STATUS(agora_token2_parse_lenient(out, len, &info, &e), AGORA_TOKEN_OK);
    CHECK(info != NULL && info->service_count == 1 && info->unread_service_type == 999);
    agora_token2_info_free(info);
    int result = -1;
    CHECK_STATUS(agora_token2_verify_lenient(out, len, CERT, strlen(CERT), NULL, 1111111, &result, &e), AGORA_TOKEN_OK);
    CHECK(result == AGORA_TOKEN_VERIFY_OK);
    other.service_type = AGORA_TOKEN2_SERVICE_RTM;
    CHECK_STATUS(build_data(&d, out, &len), AGORA_TOKEN_ERR_SERVICE);

    /* A null role (bit 1: the second integer) builds the join-only token. */
    agora_token_str ch = S(CHANNEL);
    int64_t ints[4] = {2882341273LL, 99, 600, 600};
    agora_token2_args a = pinned(1111111, 1);
    a.strs = &ch;
    a.str_count = 1;
    a.ints = ints;
    a.int_count = 4;
    a.null_ints = 1u << 1;
    char with_null[CAP], join_only[CAP];
    size_t n1 = 0, n2 = 0;
    CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, with_null, CAP, &n1), AGORA_TOKEN_OK);
    ints[1] = AGORA_TOKEN2_ROLE_JOIN_ONLY;
    a.null_ints = 0;
    CHECK_STATUS(build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, &a, join_only, CAP, &n2), AGORA_TOKEN_OK);
    CHECK(n1 == n2 && memcmp(with_null, join_only, n1) == 0);

    uint32_t v = 0;
    CHECK_STATUS(agora_token_uid_from_decimal("2882341273", 10, &v, &e), AGORA_TOKEN_OK);
    CHECK(v == 2882341273u);
    CHECK_STATUS(agora_token_uid_from_decimal("007", 3, &v, &e), AGORA_TOKEN_ERR_UID);
    CHECK(starts_with(&e, "uid:"));
    CHECK_STATUS(agora_token_check_f64(AGORA_TOKEN_ERR_EXPIRE, 3600.9, &v, &e), AGORA_TOKEN_OK);
    CHECK(v == 3600);
    CHECK_STATUS(agora_token_check_f64(AGORA_TOKEN_ERR_EXPIRE, -1.0, &v, &e), AGORA_TOKEN_ERR_EXPIRE);
}

int main(void) {
    test_sample_and_sizes();
    test_every_builder();
    test_argument_errors();
    test_nulls();
    test_data();
    test_parse_and_verify();
    test_long_message_is_cut();
    test_sized_006();
    test_threads();
    test_reference_inputs();
    printf("test_capi007: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
