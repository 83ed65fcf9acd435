/*
 * C unit tests of libagoratoken, written against include/agora_token.h only.
 * Built as C99 with -Wall -Wextra -Werror -pedantic (so the header is plain C),
 * linked against the static and then the shared library, and run under
 * ASan/UBSan by `make sanitize`. Prints "test_capi: N checks, M failed".
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agora_token.h"

static int checks = 0, failures = 0;

#define CHECK(cond)                                                                     \
    do {                                                                                \
        checks++;                                                                       \
        if (!(cond)) {                                                                  \
            failures++;                                                                 \
            fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__,    \
                    __LINE__, #cond, agora_token_last_error());                         \
        }                                                                               \
    } while (0)

#define CHECK_STATUS(expr, status) CHECK((expr) == (status))

static const char *APP_ID = "970CA35de60c44645bbae8a215061b33";
static const char *CERT = "5CFd2fd1755d40ecb72977518be15d3b";
static const char *CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
static const uint32_t UID = 2882341273u;
static const char *SAMPLE =
    "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/"
    "QQAAEAAQCvKDdW";

static int starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void test_sample_token(void) {
    agora_token_builder *b = NULL;
    char *token = NULL;
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, CERT, CHANNEL, UID, &b), AGORA_TOKEN_OK);
    CHECK(b != NULL);
    CHECK_STATUS(agora_token_builder_set_salt(b, 1), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_set_ts(b, 1111111), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_set_privilege(b, AGORA_TOKEN_PRIVILEGE_JOIN_CHANNEL, 1446455471u),
                 AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_build_token(b, &token), AGORA_TOKEN_OK);
    CHECK(token != NULL && strcmp(token, SAMPLE) == 0);
    agora_token_string_free(token);

    /* The same user as an account "2882341273" signs the same token. */
    agora_token_builder *a = NULL;
    CHECK_STATUS(agora_token_builder_new_user_account(APP_ID, CERT, CHANNEL, "2882341273", &a), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_init_token_builder(a, SAMPLE), AGORA_TOKEN_OK);
    /* init takes the privileges only: the sample's salt and ts are set again. */
    CHECK_STATUS(agora_token_builder_set_salt(a, 1), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_set_ts(a, 1111111), AGORA_TOKEN_OK);
    token = NULL;
    CHECK_STATUS(agora_token_builder_build_token(a, &token), AGORA_TOKEN_OK);
    CHECK(token != NULL && strcmp(token, SAMPLE) == 0);
    agora_token_string_free(token);
    agora_token_builder_free(a);
    agora_token_builder_free(b);
}

static void test_null_arguments(void) {
    agora_token_builder *sentinel = (agora_token_builder *)&checks;
    agora_token_builder *b = sentinel;
    char *t = (char *)&checks;
    int64_t v = 42;
    int result = 42;
    agora_token_info *info = (agora_token_info *)&checks;
    const int N = AGORA_TOKEN_ERR_NULL_ARGUMENT;

    CHECK_STATUS(agora_token_builder_new_uid(NULL, CERT, CHANNEL, 1, &b), N);
    CHECK(starts_with(agora_token_last_error(), "null_argument:"));
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, NULL, CHANNEL, 1, &b), N);
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, CERT, NULL, 1, &b), N);
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, CERT, CHANNEL, 1, NULL), N);
    CHECK_STATUS(agora_token_builder_new_user_account(APP_ID, CERT, CHANNEL, NULL, &b), N);
    CHECK(b == sentinel);

    CHECK_STATUS(agora_token_builder_init_token_builder(NULL, SAMPLE), N);
    CHECK_STATUS(agora_token_builder_init_privileges(NULL, AGORA_TOKEN_ROLE_PUBLISHER), N);
    CHECK_STATUS(agora_token_builder_set_privilege(NULL, 1, 0), N);
    CHECK_STATUS(agora_token_builder_remove_privilege(NULL, 1), N);
    CHECK_STATUS(agora_token_builder_set_salt(NULL, 1), N);
    CHECK_STATUS(agora_token_builder_clear_salt(NULL), N);
    CHECK_STATUS(agora_token_builder_get_salt(NULL, &v), N);
    CHECK_STATUS(agora_token_builder_set_ts(NULL, 1), N);
    CHECK_STATUS(agora_token_builder_clear_ts(NULL), N);
    CHECK_STATUS(agora_token_builder_get_ts(NULL, &v), N);
    CHECK_STATUS(agora_token_builder_build_token(NULL, &t), N);
    CHECK(v == 42 && t == (char *)&checks);

    agora_token_builder *live = NULL;
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, CERT, CHANNEL, 1, &live), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_init_token_builder(live, NULL), N);
    CHECK_STATUS(agora_token_builder_get_salt(live, NULL), N);
    CHECK_STATUS(agora_token_builder_get_ts(live, NULL), N);
    CHECK_STATUS(agora_token_builder_build_token(live, NULL), N);
    agora_token_builder_free(live);

    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid(APP_ID, CERT, CHANNEL, 1, 1, 0, NULL), N);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid(APP_ID, CERT, NULL, 1, 1, 0, &t), N);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_user_account(APP_ID, CERT, CHANNEL, NULL, 1, 0, &t), N);
    CHECK_STATUS(agora_rtm_token_builder_build_token(APP_ID, CERT, NULL, 1, 0, &t), N);
    CHECK_STATUS(agora_rtm_token_builder_build_token(NULL, CERT, "u", 1, 0, &t), N);
    CHECK_STATUS(agora_token_parse(NULL, &info), N);
    CHECK_STATUS(agora_token_parse(SAMPLE, NULL), N);
    CHECK_STATUS(agora_token_verify(NULL, NULL, CERT, CHANNEL, UID, 0, &result), N);
    CHECK_STATUS(agora_token_verify(SAMPLE, NULL, NULL, CHANNEL, UID, 0, &result), N);
    CHECK_STATUS(agora_token_verify(SAMPLE, NULL, CERT, NULL, UID, 0, &result), N);
    CHECK_STATUS(agora_token_verify(SAMPLE, NULL, CERT, CHANNEL, UID, 0, NULL), N);
    CHECK_STATUS(agora_token_verify_user_account(SAMPLE, NULL, CERT, CHANNEL, NULL, 0, &result), N);
    CHECK(t == (char *)&checks && result == 42 && info == (agora_token_info *)&checks);

    /* Freeing NULL is a no-op. */
    agora_token_builder_free(NULL);
    agora_token_string_free(NULL);
    agora_token_info_free(NULL);
}

static void test_input_errors(void) {
    agora_token_builder *b = NULL;
    char *t = NULL;
    CHECK_STATUS(agora_token_builder_new_uid("970CA35de60c44645bbae8a215061b3", CERT, CHANNEL, 1, &b),
                 AGORA_TOKEN_ERR_APP_ID);
    CHECK(starts_with(agora_token_last_error(), "app_id:"));
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, "5CFd2fd1755d40ecb72977518be15d3g", CHANNEL, 1, &b),
                 AGORA_TOKEN_ERR_APP_CERTIFICATE);
    CHECK(strstr(agora_token_last_error(), "5CFd2fd1") == NULL);
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, CERT, "", 1, &b), AGORA_TOKEN_ERR_CHANNEL_NAME);
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, CERT, "a/b", 1, &b), AGORA_TOKEN_ERR_CHANNEL_NAME);
    CHECK_STATUS(agora_token_builder_new_user_account(APP_ID, CERT, CHANNEL, "", &b), AGORA_TOKEN_ERR_USER_ACCOUNT);
    CHECK_STATUS(agora_token_builder_new_user_account(APP_ID, CERT, CHANNEL, "\xc3\xa9", &b),
                 AGORA_TOKEN_ERR_USER_ACCOUNT);
    /* Not UTF-8: the field's own category. */
    CHECK_STATUS(agora_token_builder_new_uid("\xff", CERT, CHANNEL, 1, &b), AGORA_TOKEN_ERR_APP_ID);
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, CERT, "ab\xfe", 1, &b), AGORA_TOKEN_ERR_CHANNEL_NAME);
    /* ... where token-core checks that field: the documented order still holds. */
    CHECK_STATUS(agora_token_builder_new_uid("xyz", CERT, "ab\xfe", 1, &b), AGORA_TOKEN_ERR_APP_ID);
    CHECK_STATUS(agora_token_builder_new_user_account(APP_ID, "short", CHANNEL, "\xff", &b),
                 AGORA_TOKEN_ERR_APP_CERTIFICATE);
    CHECK(b == NULL);

    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, CERT, CHANNEL, 1, &b), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_set_privilege(b, 0, 0), AGORA_TOKEN_ERR_PRIVILEGE);
    CHECK(starts_with(agora_token_last_error(), "privilege:"));
    CHECK_STATUS(agora_token_builder_set_privilege(b, 13, 0), AGORA_TOKEN_ERR_PRIVILEGE);
    CHECK_STATUS(agora_token_builder_remove_privilege(b, -1), AGORA_TOKEN_ERR_PRIVILEGE);
    CHECK_STATUS(agora_token_builder_init_privileges(b, 3), AGORA_TOKEN_ERR_ROLE);
    CHECK(starts_with(agora_token_last_error(), "role:"));
    CHECK_STATUS(agora_token_builder_init_token_builder(b, "005abc"), AGORA_TOKEN_ERR_VERSION);
    CHECK_STATUS(agora_token_builder_init_token_builder(b, "006zz"), AGORA_TOKEN_ERR_APP_ID);
    CHECK_STATUS(agora_token_builder_init_token_builder(b, SAMPLE), AGORA_TOKEN_ERR_UID_MISMATCH);
    agora_token_builder_free(b);

    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid(APP_ID, CERT, CHANNEL, 1, 7, 0, &t),
                 AGORA_TOKEN_ERR_ROLE);
    CHECK(t == NULL);
    /* Any RTM role: Agora's builders ignore it. */
    CHECK_STATUS(agora_rtm_token_builder_build_token(APP_ID, CERT, "bob", AGORA_TOKEN_ROLE_ATTENDEE, 0, &t),
                 AGORA_TOKEN_OK);
    CHECK(t != NULL);
    agora_token_string_free(t);
    t = NULL;
}

static void test_getters_and_defaults(void) {
    agora_token_builder *b = NULL;
    int64_t v = 0;
    char *t1 = NULL, *t2 = NULL;
    CHECK_STATUS(agora_token_builder_new_user_account(APP_ID, CERT, CHANNEL, "alice", &b), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_get_salt(b, &v), AGORA_TOKEN_OK);
    CHECK(v == -1);
    CHECK_STATUS(agora_token_builder_get_ts(b, &v), AGORA_TOKEN_OK);
    CHECK(v == -1);
    CHECK_STATUS(agora_token_builder_init_privileges(b, AGORA_TOKEN_ROLE_SUBSCRIBER), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_build_token(b, &t1), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_build_token(b, &t2), AGORA_TOKEN_OK);
    CHECK(t1 && t2 && strcmp(t1, t2) != 0); /* a fresh salt per token */
    agora_token_info *info = NULL;
    CHECK_STATUS(agora_token_parse(t1, &info), AGORA_TOKEN_OK);
    if (info) {
        CHECK(info->privilege_count == 1 && info->privileges[0].id == AGORA_TOKEN_PRIVILEGE_JOIN_CHANNEL);
        CHECK(info->signature_len == 32 && info->signature != NULL);
        CHECK(strcmp(info->app_id, APP_ID) == 0);
    }
    agora_token_info_free(info);
    agora_token_string_free(t1);
    agora_token_string_free(t2);

    CHECK_STATUS(agora_token_builder_set_salt(b, 4294967295u), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_get_salt(b, &v), AGORA_TOKEN_OK);
    CHECK(v == 4294967295LL);
    CHECK_STATUS(agora_token_builder_set_ts(b, 77), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_get_ts(b, &v), AGORA_TOKEN_OK);
    CHECK(v == 77);
    CHECK_STATUS(agora_token_builder_clear_salt(b), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_clear_ts(b), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_get_salt(b, &v), AGORA_TOKEN_OK);
    CHECK(v == -1);
    CHECK_STATUS(agora_token_builder_get_ts(b, &v), AGORA_TOKEN_OK);
    CHECK(v == -1);
    agora_token_builder_free(b);
}

static void test_helpers_and_verify(void) {
    char *t = NULL;
    int r = -1;
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid(APP_ID, CERT, CHANNEL, 7, AGORA_TOKEN_ROLE_PUBLISHER,
                                                              0, &t),
                 AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_verify(t, APP_ID, CERT, CHANNEL, 7, 1000, &r), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_OK);
    CHECK_STATUS(agora_token_verify_user_account(t, NULL, CERT, CHANNEL, "7", 1000, &r), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_OK);
    CHECK_STATUS(agora_token_verify(t, "0000000000000000000000000000000a", CERT, CHANNEL, 7, 1000, &r),
                 AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_APP_ID_MISMATCH);
    CHECK_STATUS(agora_token_verify(t, NULL, CERT, "other", 7, 1000, &r), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_CHANNEL_MISMATCH);
    CHECK_STATUS(agora_token_verify(t, NULL, CERT, CHANNEL, 8, 1000, &r), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_UID_MISMATCH);
    CHECK_STATUS(agora_token_verify(t, NULL, "00000000000000000000000000000000", CHANNEL, 7, 1000, &r),
                 AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_SIGNATURE_MISMATCH);
    CHECK_STATUS(agora_token_verify(t, NULL, CERT, CHANNEL, 7, 4294967295u, &r), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_EXPIRED);
    CHECK(strcmp(agora_token_verify_result_name(r), "expired") == 0);
    r = 99;
    CHECK_STATUS(agora_token_verify(t, NULL, "short", CHANNEL, 7, 0, &r), AGORA_TOKEN_ERR_APP_CERTIFICATE);
    CHECK_STATUS(agora_token_verify("bad", NULL, CERT, CHANNEL, 7, 0, &r), AGORA_TOKEN_ERR_VERSION);
    CHECK(r == 99);
    agora_token_string_free(t);

    t = NULL;
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_user_account(APP_ID, CERT, CHANNEL, "alice",
                                                                       AGORA_TOKEN_ROLE_SUBSCRIBER, 10, &t),
                 AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_verify_user_account(t, NULL, CERT, CHANNEL, "alice", 11, &r), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_PRIVILEGE_EXPIRED);
    agora_token_string_free(t);

    t = NULL;
    CHECK_STATUS(agora_rtm_token_builder_build_token(APP_ID, CERT, "bob", AGORA_TOKEN_RTM_ROLE_USER, 0, &t),
                 AGORA_TOKEN_OK);
    agora_token_info *info = NULL;
    CHECK_STATUS(agora_token_parse(t, &info), AGORA_TOKEN_OK);
    if (info) CHECK(info->privilege_count == 1 && info->privileges[0].id == AGORA_TOKEN_PRIVILEGE_RTM_LOGIN);
    agora_token_info_free(info);
    agora_token_string_free(t);
}

static void test_parse_errors(void) {
    struct { const char *token; int status; } cases[] = {
        {"", AGORA_TOKEN_ERR_VERSION},
        {"007970CA35de60c44645bbae8a215061b33AAAA", AGORA_TOKEN_ERR_VERSION},
        {"006970CA35de60c44645bbae8a215061b3", AGORA_TOKEN_ERR_APP_ID},
        {"006970CA35de60c44645bbae8a215061b33", AGORA_TOKEN_ERR_TRUNCATED},
        {"006970CA35de60c44645bbae8a215061b33AA=A", AGORA_TOKEN_ERR_BASE64},
        {"006970CA35de60c44645bbae8a215061b33AAAA", AGORA_TOKEN_ERR_TRUNCATED},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        agora_token_info *info = NULL;
        CHECK_STATUS(agora_token_parse(cases[i].token, &info), cases[i].status);
        CHECK(info == NULL);
        CHECK(starts_with(agora_token_last_error(), agora_token_error_name(cases[i].status)));
    }
}

static void test_names_and_version(void) {
    CHECK(strcmp(agora_token_error_name(0), "ok") == 0);
    CHECK(strcmp(agora_token_error_name(AGORA_TOKEN_ERR_CHANNEL_NAME), "channel_name") == 0);
    CHECK(strcmp(agora_token_error_name(AGORA_TOKEN_ERR_INTERNAL), "internal") == 0);
    CHECK(strcmp(agora_token_error_name(AGORA_TOKEN_ERR_BUFFER_TOO_SMALL), "buffer_too_small") == 0);
    CHECK(AGORA_TOKEN_ERR_BUFFER_TOO_SMALL == -20);
    CHECK(strcmp(agora_token_error_name(AGORA_TOKEN_ERR_ZLIB), "zlib") == 0);
    CHECK(strcmp(agora_token_error_name(AGORA_TOKEN_ERR_NOW), "now") == 0);
    CHECK(strcmp(agora_token_error_name(AGORA_TOKEN_ERR_RANDOM), "random") == 0);
    CHECK(AGORA_TOKEN_ERR_NOW == -34);
    CHECK(strcmp(agora_token_error_name(-35), "unknown") == 0);
    CHECK(strcmp(agora_token_error_name(5), "unknown") == 0);
    CHECK(strcmp(agora_token_verify_result_name(AGORA_TOKEN_VERIFY_OK), "ok") == 0);
    CHECK(strcmp(agora_token_verify_result_name(AGORA_TOKEN_VERIFY_PRIVILEGE_EXPIRED), "privilege_expired") == 0);
    CHECK(strcmp(agora_token_verify_result_name(AGORA_TOKEN_VERIFY_SERVICE_MISSING), "service_missing") == 0);
    CHECK(strcmp(agora_token_verify_result_name(8), "unknown") == 0);
#ifdef AGORA_TOKEN_EXPECTED_VERSION
    CHECK(strcmp(agora_token_version(), AGORA_TOKEN_EXPECTED_VERSION) == 0);
#else
    CHECK(agora_token_version()[0] != '\0');
#endif
}

#define FILL 0xA5
#define LEN_SENTINEL ((size_t)-1)

static int all_fill(const char *buf, size_t len) {
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)buf[i] != FILL) return 0;
    return 1;
}

/* The token and its NUL at [0, n], nothing written past them. */
static int holds_token(const char *buf, size_t cap, size_t n) {
    return n + 1 <= cap && buf[n] == '\0' && strlen(buf) == n && all_fill(buf + n + 1, cap - n - 1);
}

static void test_build_token_into(void) {
    agora_token_builder *b = NULL;
    char buf[256];
    size_t n = LEN_SENTINEL;
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, CERT, CHANNEL, UID, &b), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_set_salt(b, 1), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_set_ts(b, 1111111), AGORA_TOKEN_OK);
    CHECK_STATUS(agora_token_builder_set_privilege(b, AGORA_TOKEN_PRIVILEGE_JOIN_CHANNEL, 1446455471u),
                 AGORA_TOKEN_OK);

    memset(buf, FILL, sizeof buf);
    CHECK_STATUS(agora_token_builder_build_token_into(b, buf, sizeof buf, &n), AGORA_TOKEN_OK);
    CHECK(n == strlen(SAMPLE) && holds_token(buf, sizeof buf, n) && strcmp(buf, SAMPLE) == 0);

    /* Exact fit: the token and its NUL. */
    const size_t need = strlen(SAMPLE) + 1;
    memset(buf, FILL, sizeof buf);
    n = LEN_SENTINEL;
    CHECK_STATUS(agora_token_builder_build_token_into(b, buf, need, &n), AGORA_TOKEN_OK);
    CHECK(n == need - 1 && holds_token(buf, sizeof buf, n) && strcmp(buf, SAMPLE) == 0);

    /* One byte short, and 0: too small; neither buf nor the length is written. */
    const size_t short_lens[] = {need - 1, 0};
    for (size_t i = 0; i < 2; i++) {
        memset(buf, FILL, sizeof buf);
        n = LEN_SENTINEL;
        CHECK_STATUS(agora_token_builder_build_token_into(b, buf, short_lens[i], &n),
                     AGORA_TOKEN_ERR_BUFFER_TOO_SMALL);
        CHECK(all_fill(buf, sizeof buf) && n == LEN_SENTINEL);
        CHECK(starts_with(agora_token_last_error(), "buffer_too_small:"));
        char needed[32];
        snprintf(needed, sizeof needed, "%zu bytes", need);
        CHECK(strstr(agora_token_last_error(), needed) != NULL);
    }

    /* NULLs: null_argument, nothing written. */
    memset(buf, FILL, sizeof buf);
    n = LEN_SENTINEL;
    CHECK_STATUS(agora_token_builder_build_token_into(NULL, buf, sizeof buf, &n), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK_STATUS(agora_token_builder_build_token_into(b, NULL, sizeof buf, &n), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK_STATUS(agora_token_builder_build_token_into(b, NULL, 0, &n), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK_STATUS(agora_token_builder_build_token_into(b, buf, sizeof buf, NULL), AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK(starts_with(agora_token_last_error(), "null_argument: token_len_out"));
    CHECK(all_fill(buf, sizeof buf) && n == LEN_SENTINEL);
    agora_token_builder_free(b);
}

static void test_rtc_into(void) {
    char buf[256];
    size_t n = LEN_SENTINEL;
    int r = -1;
    memset(buf, FILL, sizeof buf);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid_into(APP_ID, CERT, CHANNEL, 7, AGORA_TOKEN_ROLE_PUBLISHER,
                                                                   0, buf, sizeof buf, &n),
                 AGORA_TOKEN_OK);
    CHECK(n != LEN_SENTINEL && holds_token(buf, sizeof buf, n));
    CHECK_STATUS(agora_token_verify(buf, APP_ID, CERT, CHANNEL, 7, 1000, &r), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_OK);

    /* An RTC token's length does not depend on its salt: exact fit, then one byte short. */
    const size_t len = n;
    memset(buf, FILL, sizeof buf);
    n = LEN_SENTINEL;
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_user_account_into(
                     APP_ID, CERT, CHANNEL, "alice", AGORA_TOKEN_ROLE_PUBLISHER, 0, buf, len + 1, &n),
                 AGORA_TOKEN_OK);
    CHECK(n == len && holds_token(buf, sizeof buf, n));
    CHECK_STATUS(agora_token_verify_user_account(buf, NULL, CERT, CHANNEL, "alice", 1000, &r), AGORA_TOKEN_OK);
    CHECK(r == AGORA_TOKEN_VERIFY_OK);
    memset(buf, FILL, sizeof buf);
    n = LEN_SENTINEL;
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid_into(APP_ID, CERT, CHANNEL, 7, AGORA_TOKEN_ROLE_PUBLISHER,
                                                                   0, buf, len, &n),
                 AGORA_TOKEN_ERR_BUFFER_TOO_SMALL);
    CHECK(all_fill(buf, sizeof buf) && n == LEN_SENTINEL);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_user_account_into(
                     APP_ID, CERT, CHANNEL, "alice", AGORA_TOKEN_ROLE_PUBLISHER, 0, buf, len, &n),
                 AGORA_TOKEN_ERR_BUFFER_TOO_SMALL);
    CHECK(all_fill(buf, sizeof buf) && n == LEN_SENTINEL);

    /* A bad field (checked before the buffer's size), NULLs: nothing written. */
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid_into(APP_ID, CERT, "", 7, 1, 0, buf, sizeof buf, &n),
                 AGORA_TOKEN_ERR_CHANNEL_NAME);
    CHECK(starts_with(agora_token_last_error(), "channel_name:"));
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid_into(APP_ID, CERT, "", 7, 1, 0, buf, 0, &n),
                 AGORA_TOKEN_ERR_CHANNEL_NAME);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_user_account_into(APP_ID, CERT, CHANNEL, "", 1, 0, buf,
                                                                            sizeof buf, &n),
                 AGORA_TOKEN_ERR_USER_ACCOUNT);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_user_account_into(APP_ID, CERT, CHANNEL, "\xff", 1, 0, buf,
                                                                            sizeof buf, &n),
                 AGORA_TOKEN_ERR_USER_ACCOUNT);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid_into(APP_ID, "short", CHANNEL, 7, 1, 0, buf, sizeof buf,
                                                                   &n),
                 AGORA_TOKEN_ERR_APP_CERTIFICATE);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid_into(APP_ID, CERT, CHANNEL, 7, 3, 0, buf, sizeof buf, &n),
                 AGORA_TOKEN_ERR_ROLE);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid_into(NULL, CERT, CHANNEL, 7, 1, 0, buf, sizeof buf, &n),
                 AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid_into(APP_ID, CERT, CHANNEL, 7, 1, 0, NULL, sizeof buf, &n),
                 AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_uid_into(APP_ID, CERT, CHANNEL, 7, 1, 0, buf, sizeof buf, NULL),
                 AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_user_account_into(APP_ID, CERT, CHANNEL, NULL, 1, 0, buf,
                                                                            sizeof buf, &n),
                 AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK_STATUS(agora_rtc_token_builder_build_token_with_user_account_into(APP_ID, CERT, CHANNEL, "alice", 1, 0, NULL,
                                                                            0, &n),
                 AGORA_TOKEN_ERR_NULL_ARGUMENT);
    CHECK(all_fill(buf, sizeof buf) && n == LEN_SENTINEL);
}

static void *other_thread(void *arg) {
    char **out = arg;
    /* A new thread has no message yet; its failure stays on this thread. */
    out[0] = strdup(agora_token_last_error());
    agora_token_info *info = NULL;
    (void)agora_token_parse("xyz", &info);
    out[1] = strdup(agora_token_last_error());
    return NULL;
}

static void test_last_error_is_per_thread(void) {
    agora_token_builder *b = NULL;
    CHECK_STATUS(agora_token_builder_new_uid(APP_ID, CERT, "", 1, &b), AGORA_TOKEN_ERR_CHANNEL_NAME);
    char *mine = strdup(agora_token_last_error());
    char *theirs[2] = {NULL, NULL};
    pthread_t th;
    CHECK(pthread_create(&th, NULL, other_thread, theirs) == 0);
    pthread_join(th, NULL);
    CHECK(theirs[0] && strcmp(theirs[0], "") == 0);
    CHECK(theirs[1] && starts_with(theirs[1], "version:"));
    CHECK(strcmp(agora_token_last_error(), mine) == 0);
    CHECK(starts_with(mine, "channel_name:"));
    free(mine);
    free(theirs[0]);
    free(theirs[1]);
}

int main(void) {
    test_sample_token();
    test_null_arguments();
    test_input_errors();
    test_getters_and_defaults();
    test_helpers_and_verify();
    test_parse_errors();
    test_names_and_version();
    test_build_token_into();
    test_rtc_into();
    test_last_error_is_per_thread();
    printf("test_capi: %d checks, %d failed\n", checks, failures);
    return failures == 0 && checks > 0 ? 0 : 1;
}
