/*
 * The C conformance runner: plain C against include/agora_token.h.
 *
 * Runs every case of every *.jsonl file in $AGORA_TOKEN_VECTORS (default: the
 * repository's tests/vectors, compiled in as AGORA_TOKEN_REPO_ROOT) and prints,
 * last, "conformance[c]: N passed, M failed". Exits non-zero when M > 0 or N = 0.
 * JSON is read with json-c (never linked into libagoratoken).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "agora_token.h"

#ifndef AGORA_TOKEN_REPO_ROOT
#error "compile with -DAGORA_TOKEN_REPO_ROOT=\"/path/to/repo\""
#endif

/* The reason a case failed, filled by fail(). */
static char reason[4096];

static int fail(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    return 0;
}

static const char *get_str(json_object *o, const char *key) {
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string)) return NULL;
    return json_object_get_string(v);
}

/* An integer field in 0..4294967295; returns 0 (and sets reason) when missing. */
static int get_u32(json_object *o, const char *key, uint32_t *out) {
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
        return fail("missing integer field \"%s\"", key);
    int64_t n = json_object_get_int64(v);
    if (n < 0 || n > (int64_t)UINT32_MAX) return fail("field \"%s\" is out of range", key);
    *out = (uint32_t)n;
    return 1;
}

static int pair_at(json_object *list, size_t i, int64_t *id, int64_t *expire) {
    json_object *pair = json_object_array_get_idx(list, i);
    if (!pair || !json_object_is_type(pair, json_type_array) || json_object_array_length(pair) != 2)
        return fail("privilege entry %zu is not a pair", i);
    json_object *a = json_object_array_get_idx(pair, 0), *b = json_object_array_get_idx(pair, 1);
    if (!json_object_is_type(a, json_type_int) || !json_object_is_type(b, json_type_int))
        return fail("privilege entry %zu is not two integers", i);
    *id = json_object_get_int64(a);
    *expire = json_object_get_int64(b);
    return 1;
}

/*
 * Builds a token from build006 / invalid006 inputs. Returns 1 when the case
 * could be run: then *status is 0 and *token_out the token (free it), or
 * *status is the first failing call's code.
 */
static int build(json_object *c, int *status, char **token_out) {
    const char *app_id = get_str(c, "app_id"), *cert = get_str(c, "app_certificate"),
               *channel = get_str(c, "channel_name");
    if (!app_id || !cert || !channel) return fail("missing app_id, app_certificate or channel_name");
    json_object *uid_v = NULL, *acc_v = NULL, *privs = NULL;
    int has_uid = json_object_object_get_ex(c, "uid", &uid_v);
    int has_acc = json_object_object_get_ex(c, "user_account", &acc_v);
    if (has_uid == has_acc) return fail("exactly one of uid and user_account is required");
    uint32_t salt, ts;
    if (!get_u32(c, "salt", &salt) || !get_u32(c, "ts", &ts)) return 0;
    if (!json_object_object_get_ex(c, "privileges", &privs) || !json_object_is_type(privs, json_type_array))
        return fail("missing privileges array");

    agora_token_builder *b = NULL;
    if (has_uid) {
        uint32_t uid;
        if (!get_u32(c, "uid", &uid)) return 0;
        *status = agora_token_builder_new_uid(app_id, cert, channel, uid, &b);
    } else {
        if (!json_object_is_type(acc_v, json_type_string)) return fail("user_account is not a string");
        *status = agora_token_builder_new_user_account(app_id, cert, channel, json_object_get_string(acc_v), &b);
    }
    if (*status != 0) return 1;
    int ok = 1;
    *status = agora_token_builder_set_salt(b, salt);
    if (*status == 0) *status = agora_token_builder_set_ts(b, ts);
    for (size_t i = 0; *status == 0 && i < json_object_array_length(privs); i++) {
        int64_t id, expire;
        if (!pair_at(privs, i, &id, &expire)) { ok = 0; break; }
        if (id < INT32_MIN || id > INT32_MAX || expire < 0 || expire > (int64_t)UINT32_MAX) {
            ok = fail("privilege entry %zu is out of range", i);
            break;
        }
        *status = agora_token_builder_set_privilege(b, (int)id, (uint32_t)expire);
    }
    if (ok && *status == 0) *status = agora_token_builder_build_token(b, token_out);
    agora_token_builder_free(b);
    return ok;
}

static int run_build(json_object *c) {
    const char *expected = get_str(c, "token");
    if (!expected) return fail("missing token");
    int status = 0;
    char *token = NULL;
    if (!build(c, &status, &token)) return 0;
    if (status != 0)
        return fail("build failed: %s (%s)", agora_token_error_name(status), agora_token_last_error());
    int same = strcmp(token, expected) == 0;
    if (!same) fail("token differs\n  got:      %s\n  expected: %s", token, expected);
    agora_token_string_free(token);
    return same;
}

static int run_invalid(json_object *c) {
    const char *expected = get_str(c, "error");
    if (!expected) return fail("missing error");
    int status = 0;
    char *token = NULL;
    if (!build(c, &status, &token)) return 0;
    if (status == 0) {
        fail("built %s, expected error %s", token, expected);
        agora_token_string_free(token);
        return 0;
    }
    if (strcmp(agora_token_error_name(status), expected) != 0)
        return fail("error %s (%s), expected %s", agora_token_error_name(status), agora_token_last_error(),
                    expected);
    return 1;
}

static int run_reject(json_object *c) {
    const char *token = get_str(c, "token"), *expected = get_str(c, "error");
    if (!token || !expected) return fail("missing token or error");
    agora_token_info *info = NULL;
    int status = agora_token_parse(token, &info);
    if (status == 0) {
        agora_token_info_free(info);
        return fail("parsed, expected error %s", expected);
    }
    if (strcmp(agora_token_error_name(status), expected) != 0)
        return fail("error %s (%s), expected %s", agora_token_error_name(status), agora_token_last_error(),
                    expected);
    return 1;
}

static int check_fields(const agora_token_info *info, json_object *e) {
    const char *app_id = get_str(e, "app_id"), *sig = get_str(e, "signature_hex");
    uint32_t crc_channel, crc_uid, salt, ts;
    json_object *privs = NULL;
    if (!app_id || !sig) return fail("expected lacks app_id or signature_hex");
    if (!get_u32(e, "crc_channel_name", &crc_channel) || !get_u32(e, "crc_uid", &crc_uid) ||
        !get_u32(e, "salt", &salt) || !get_u32(e, "ts", &ts))
        return 0;
    if (!json_object_object_get_ex(e, "privileges", &privs) || !json_object_is_type(privs, json_type_array))
        return fail("expected lacks privileges");
    if (strcmp(info->app_id, app_id) != 0) return fail("app_id %s, expected %s", info->app_id, app_id);
    char hex[2 * 256 + 1];
    if (info->signature_len > 256) return fail("signature of %zu bytes", info->signature_len);
    for (size_t i = 0; i < info->signature_len; i++) snprintf(hex + 2 * i, 3, "%02x", info->signature[i]);
    hex[2 * info->signature_len] = '\0';
    if (strcmp(hex, sig) != 0) return fail("signature %s, expected %s", hex, sig);
    if (info->crc_channel_name != crc_channel) return fail("crc_channel_name %" PRIu32, info->crc_channel_name);
    if (info->crc_uid != crc_uid) return fail("crc_uid %" PRIu32, info->crc_uid);
    if (info->salt != salt) return fail("salt %" PRIu32, info->salt);
    if (info->ts != ts) return fail("ts %" PRIu32, info->ts);
    size_t n = json_object_array_length(privs);
    if (info->privilege_count != n) return fail("%zu privileges, expected %zu", info->privilege_count, n);
    for (size_t i = 0; i < n; i++) {
        int64_t id, expire;
        if (!pair_at(privs, i, &id, &expire)) return 0;
        if (info->privileges[i].id != id || info->privileges[i].expire_ts != expire)
            return fail("privilege %zu is [%u, %" PRIu32 "], expected [%" PRId64 ", %" PRId64 "]", i,
                        (unsigned)info->privileges[i].id, info->privileges[i].expire_ts, id, expire);
    }
    return 1;
}

static int check_verify(const char *token, json_object *v) {
    const char *cert = get_str(v, "app_certificate"), *channel = get_str(v, "channel_name"),
               *expected = get_str(v, "result"), *app_id = get_str(v, "app_id");
    uint32_t now;
    if (!cert || !channel || !expected) return fail("verify lacks app_certificate, channel_name or result");
    if (!get_u32(v, "now", &now)) return 0;
    json_object *uid_v = NULL, *acc_v = NULL;
    int has_uid = json_object_object_get_ex(v, "uid", &uid_v);
    int has_acc = json_object_object_get_ex(v, "user_account", &acc_v);
    if (has_uid == has_acc) return fail("verify needs exactly one of uid and user_account");
    int result = -1, status;
    if (has_uid) {
        uint32_t uid;
        if (!get_u32(v, "uid", &uid)) return 0;
        status = agora_token_verify(token, app_id, cert, channel, uid, now, &result);
    } else {
        const char *acc = get_str(v, "user_account");
        if (!acc) return fail("verify.user_account is not a string");
        status = agora_token_verify_user_account(token, app_id, cert, channel, acc, now, &result);
    }
    if (status != 0)
        return fail("verify failed: %s (%s)", agora_token_error_name(status), agora_token_last_error());
    if (strcmp(agora_token_verify_result_name(result), expected) != 0)
        return fail("verify gave %s, expected %s", agora_token_verify_result_name(result), expected);
    return 1;
}

static int run_parse(json_object *c) {
    const char *token = get_str(c, "token");
    json_object *expected = NULL, *v = NULL;
    if (!token || !json_object_object_get_ex(c, "expected", &expected)) return fail("missing token or expected");
    agora_token_info *info = NULL;
    int status = agora_token_parse(token, &info);
    if (status != 0)
        return fail("parse failed: %s (%s)", agora_token_error_name(status), agora_token_last_error());
    int ok = check_fields(info, expected);
    agora_token_info_free(info);
    if (ok && json_object_object_get_ex(c, "verify", &v)) ok = check_verify(token, v);
    return ok;
}

/* ------------------------------------------------------------------------
 * AccessToken2 (007): the sized calls. */

/* The (pointer, length) view of a JSON string. */
static agora_token_str jstr(json_object *v) {
    agora_token_str s = {json_object_get_string(v), (size_t)json_object_get_string_len(v)};
    return s;
}

static int get_i64(json_object *o, const char *key, int64_t *out) {
    json_object *v = NULL;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
        return fail("missing integer field \"%s\"", key);
    *out = json_object_get_int64(v);
    return 1;
}

static const char *error_text(int status, const agora_token_error *e) {
    static char text[512];
    snprintf(text, sizeof text, "%s (%.*s)", agora_token_error_name(status), (int)e->len, e->message);
    return text;
}

/* Storage for the C structs of one case; everything is freed by arena_free. */
typedef struct {
    void *blocks[4096];
    size_t count;
} arena;

static void *arena_alloc(arena *a, size_t n, size_t size) {
    if (a->count == sizeof a->blocks / sizeof a->blocks[0]) abort();
    void *p = calloc(n ? n : 1, size);
    if (!p) abort();
    return a->blocks[a->count++] = p;
}

static void arena_free(arena *a) {
    for (size_t i = 0; i < a->count; i++) free(a->blocks[i]);
    a->count = 0;
}

/* [[resource_type, permission_type, [resource, ...]], ...] as C grants. */
static int read_permissions(arena *a, json_object *list, const agora_token2_permission **out, size_t *count) {
    if (!json_object_is_type(list, json_type_array)) return fail("permissions is not an array");
    size_t n = json_object_array_length(list);
    agora_token2_permission *g = arena_alloc(a, n, sizeof *g);
    for (size_t i = 0; i < n; i++) {
        json_object *e = json_object_array_get_idx(list, i);
        if (!json_object_is_type(e, json_type_array) || json_object_array_length(e) != 3)
            return fail("permission %zu is not [resource_type, permission_type, [resources]]", i);
        json_object *rt = json_object_array_get_idx(e, 0), *pt = json_object_array_get_idx(e, 1),
                    *rs = json_object_array_get_idx(e, 2);
        if (!json_object_is_type(rt, json_type_int) || !json_object_is_type(pt, json_type_int) ||
            !json_object_is_type(rs, json_type_array))
            return fail("permission %zu has the wrong types", i);
        g[i].resource_type = json_object_get_int64(rt);
        g[i].permission_type = json_object_get_int64(pt);
        g[i].resource_count = json_object_array_length(rs);
        agora_token_str *r = arena_alloc(a, g[i].resource_count, sizeof *r);
        for (size_t j = 0; j < g[i].resource_count; j++) {
            json_object *x = json_object_array_get_idx(rs, j);
            if (!json_object_is_type(x, json_type_string)) return fail("resource %zu.%zu is not a string", i, j);
            r[j] = jstr(x);
        }
        g[i].resources = r;
    }
    *out = g;
    *count = n;
    return 1;
}

/* A service of build007/invalid007 (the vectors' input form) as C data. */
static int read_service(arena *a, json_object *o, agora_token2_service *s) {
    json_object *v = NULL;
    memset(s, 0, sizeof *s);
    if (!get_i64(o, "type", &s->service_type)) return 0;
    if (!json_object_object_get_ex(o, "privileges", &v) || !json_object_is_type(v, json_type_array))
        return fail("service without privileges");
    s->privilege_count = json_object_array_length(v);
    agora_token2_privilege *p = arena_alloc(a, s->privilege_count, sizeof *p);
    for (size_t i = 0; i < s->privilege_count; i++)
        if (!pair_at(v, i, &p[i].id, &p[i].expire)) return 0;
    s->privileges = p;
    agora_token_str *fields[] = {&s->channel_name, &s->user_account, &s->user_id, &s->room_uuid, &s->user_uuid};
    const char *names[] = {"channel_name", "user_account", "user_id", "room_uuid", "user_uuid"};
    for (size_t i = 0; i < 5; i++) {
        if (!json_object_object_get_ex(o, names[i], &v)) continue;
        if (!json_object_is_type(v, json_type_string)) return fail("%s is not a string", names[i]);
        *fields[i] = jstr(v);
    }
    if (json_object_object_get_ex(o, "uid", NULL)) {
        s->has_uid = 1;
        if (!get_i64(o, "uid", &s->uid)) return 0;
    }
    if (json_object_object_get_ex(o, "role", NULL)) {
        s->has_role = 1;
        if (!get_i64(o, "role", &s->role)) return 0;
    }
    if (json_object_object_get_ex(o, "permissions", &v))
        return read_permissions(a, v, &s->permissions, &s->permission_count);
    return 1;
}

/* Builds a build007/invalid007 case; 1 when it ran (then *status and, on 0, token/len). */
static int build007(json_object *c, char *token, size_t cap, size_t *len, int *status, agora_token_error *e) {
    json_object *v = NULL;
    arena a = {.count = 0};
    agora_token2_data t;
    memset(&t, 0, sizeof t);
    if (!json_object_object_get_ex(c, "app_id", &v)) return fail("missing app_id");
    t.app_id = jstr(v);
    if (!json_object_object_get_ex(c, "app_certificate", &v)) return fail("missing app_certificate");
    t.app_certificate = jstr(v);
    t.has_issue_ts = t.has_salt = 1;
    if (!get_i64(c, "issue_ts", &t.issue_ts) || !get_i64(c, "expire", &t.expire) || !get_i64(c, "salt", &t.salt))
        return 0;
    if (!json_object_object_get_ex(c, "services", &v) || !json_object_is_type(v, json_type_array))
        return fail("missing services");
    t.service_count = json_object_array_length(v);
    agora_token2_service *services = arena_alloc(&a, t.service_count, sizeof *services);
    for (size_t i = 0; i < t.service_count; i++)
        if (!read_service(&a, json_object_array_get_idx(v, i), &services[i])) {
            arena_free(&a);
            return 0;
        }
    t.services = services;
    *status = agora_token2_build_data(&t, token, cap, len, e);
    arena_free(&a);
    return 1;
}

static void to_hex(const uint8_t *bytes, size_t n, char *hex) {
    for (size_t i = 0; i < n; i++) snprintf(hex + 2 * i, 3, "%02x", bytes[i]);
    hex[2 * n] = '\0';
}

/* Both steps of build007/builder007: the decompressed content, then the token. */
static int compare007(json_object *c, const char *token, size_t len) {
    const char *want = get_str(c, "token"), *want_content = get_str(c, "content_hex");
    if (!want || !want_content) return fail("missing token or content_hex");
    agora_token2_info *info = NULL;
    agora_token_error e;
    int status = agora_token2_parse(token, len, &info, &e);
    if (status != 0) return fail("own token does not parse: %s", error_text(status, &e));
    char *hex = malloc(2 * info->content_len + 1);
    if (!hex) abort();
    to_hex(info->content, info->content_len, hex);
    int ok = strcmp(hex, want_content) == 0;
    if (!ok) fail("content differs\n  got:      %s\n  expected: %s", hex, want_content);
    free(hex);
    agora_token2_info_free(info);
    if (ok && (strlen(want) != len || memcmp(want, token, len) != 0))
        ok = fail("token differs\n  got:      %.*s\n  expected: %s", (int)len, token, want);
    return ok;
}

static char token_buf[1 << 20];

static int run_build007(json_object *c) {
    size_t len = 0;
    int status = 0;
    agora_token_error e;
    if (!build007(c, token_buf, sizeof token_buf, &len, &status, &e)) return 0;
    if (status != 0) return fail("build failed: %s", error_text(status, &e));
    return compare007(c, token_buf, len);
}

static int run_invalid007(json_object *c) {
    const char *expected = get_str(c, "error");
    if (!expected) return fail("missing error");
    size_t len = 0;
    int status = 0;
    agora_token_error e;
    if (!build007(c, token_buf, sizeof token_buf, &len, &status, &e)) return 0;
    if (status == 0) return fail("built %.*s, expected error %s", (int)len, token_buf, expected);
    if (strcmp(agora_token_error_name(status), expected) != 0)
        return fail("error %s, expected %s", error_text(status, &e), expected);
    if (e.code != status) return fail("the error object holds %d, the call returned %d", e.code, status);
    return 1;
}

/* builder007: the builder by name, its arguments by the table's parameter kinds. */
static int run_builder007(json_object *c) {
    const char *name = get_str(c, "builder");
    json_object *args = NULL, *v = NULL;
    if (!name || !json_object_object_get_ex(c, "args", &args)) return fail("missing builder or args");
    agora_token_error e;
    uint32_t id = 0;
    const agora_token2_builder_info *info = NULL;
    if (agora_token2_builder_find(name, strlen(name), &id, &e) != 0 || agora_token2_builder_get_info(id, &info, &e) != 0)
        return fail("no builder %s: %.*s", name, (int)e.len, e.message);
    agora_token_str strs[16];
    int64_t ints[16];
    agora_token2_args a;
    memset(&a, 0, sizeof a);
    arena ar = {.count = 0};
    size_t given = 0;
    for (size_t i = 0; i < info->param_count; i++, given++) {
        const agora_token2_param *p = &info->params[i];
        char key[128];
        snprintf(key, sizeof key, "%.*s", (int)p->name.len, p->name.ptr);
        if (!json_object_object_get_ex(args, key, &v)) break;
        if (p->kind == AGORA_TOKEN2_PARAM_STR) {
            if (!json_object_is_type(v, json_type_string)) return fail("%s is not a string", key);
            strs[a.str_count++] = jstr(v);
        } else if (p->kind == AGORA_TOKEN2_PARAM_PERMISSIONS) {
            if (!read_permissions(&ar, v, &a.permissions, &a.permission_count)) {
                arena_free(&ar);
                return 0;
            }
        } else {
            if (!json_object_is_type(v, json_type_int)) return fail("%s is not an integer", key);
            ints[a.int_count++] = json_object_get_int64(v);
        }
    }
    if (given != (size_t)json_object_object_length(args)) {
        arena_free(&ar);
        return fail("args do not match the parameters of %s", name);
    }
    a.strs = strs;
    a.ints = ints;
    a.has_issue_ts = a.has_salt = 1;
    if (!get_i64(c, "issue_ts", &a.issue_ts) || !get_i64(c, "salt", &a.salt)) {
        arena_free(&ar);
        return 0;
    }
    json_object *app = NULL, *cert = NULL;
    if (!json_object_object_get_ex(c, "app_id", &app) || !json_object_object_get_ex(c, "app_certificate", &cert)) {
        arena_free(&ar);
        return fail("missing app_id or app_certificate");
    }
    agora_token_str app_s = jstr(app), cert_s = jstr(cert);
    size_t len = 0;
    int status = agora_token2_build(id, app_s.ptr, app_s.len, cert_s.ptr, cert_s.len, &a, token_buf, sizeof token_buf,
                                    &len, &e);
    arena_free(&ar);
    if (status != 0) return fail("build failed: %s", error_text(status, &e));
    return compare007(c, token_buf, len);
}

static int run_reject007(json_object *c) {
    json_object *t = NULL;
    const char *expected = get_str(c, "error");
    if (!expected || !json_object_object_get_ex(c, "token", &t)) return fail("missing token or error");
    agora_token_str token = jstr(t);
    agora_token2_info *info = NULL;
    agora_token_error e;
    int status = agora_token2_parse(token.ptr, token.len, &info, &e);
    if (status == 0) {
        agora_token2_info_free(info);
        return fail("parsed, expected error %s", expected);
    }
    if (info != NULL) return fail("info_out written on failure");
    if (strcmp(agora_token_error_name(status), expected) != 0)
        return fail("error %s, expected %s", error_text(status, &e), expected);
    return 1;
}

static json_object *json_str(agora_token_str s) { return json_object_new_string_len(s.ptr ? s.ptr : "", (int)s.len); }

/* A parsed service in the vectors' token form, to compare with json_object_equal. */
static json_object *service_json(const agora_token2_service *s) {
    json_object *o = json_object_new_object(), *privs = json_object_new_array();
    json_object_object_add(o, "type", json_object_new_int64(s->service_type));
    for (size_t i = 0; i < s->privilege_count; i++) {
        json_object *pair = json_object_new_array();
        json_object_array_add(pair, json_object_new_int64(s->privileges[i].id));
        json_object_array_add(pair, json_object_new_int64(s->privileges[i].expire));
        json_object_array_add(privs, pair);
    }
    json_object_object_add(o, "privileges", privs);
    switch (s->service_type) {
    case AGORA_TOKEN2_SERVICE_RTC: case AGORA_TOKEN2_SERVICE_STREAMING: case AGORA_TOKEN2_SERVICE_FCDN:
        json_object_object_add(o, "channel_name", json_str(s->channel_name));
        json_object_object_add(o, "account", json_str(s->user_account));
        break;
    case AGORA_TOKEN2_SERVICE_RTM: case AGORA_TOKEN2_SERVICE_CHAT:
        json_object_object_add(o, "user_id", json_str(s->user_id));
        break;
    case AGORA_TOKEN2_SERVICE_APAAS:
        json_object_object_add(o, "room_uuid", json_str(s->room_uuid));
        json_object_object_add(o, "user_uuid", json_str(s->user_uuid));
        json_object_object_add(o, "role", json_object_new_int64(s->role));
        break;
    case AGORA_TOKEN2_SERVICE_RTM2: {
        json_object_object_add(o, "user_id", json_str(s->user_id));
        json_object *grants = json_object_new_array();
        for (size_t i = 0; i < s->permission_count; i++) {
            const agora_token2_permission *g = &s->permissions[i];
            json_object *grant = json_object_new_array(), *rs = json_object_new_array();
            json_object_array_add(grant, json_object_new_int64(g->resource_type));
            json_object_array_add(grant, json_object_new_int64(g->permission_type));
            for (size_t j = 0; j < g->resource_count; j++) json_object_array_add(rs, json_str(g->resources[j]));
            json_object_array_add(grant, rs);
            json_object_array_add(grants, grant);
        }
        json_object_object_add(o, "permissions", grants);
        break;
    }
    default:
        break;
    }
    return o;
}

static int check_fields007(const agora_token2_info *info, json_object *e) {
    const char *app_id = get_str(e, "app_id"), *sig = get_str(e, "signature_hex"), *content = get_str(e, "content_hex");
    uint32_t issue_ts, expire, salt;
    json_object *services = NULL;
    if (!app_id || !sig || !content) return fail("expected lacks app_id, signature_hex or content_hex");
    if (!get_u32(e, "issue_ts", &issue_ts) || !get_u32(e, "expire", &expire) || !get_u32(e, "salt", &salt)) return 0;
    if (!json_object_object_get_ex(e, "services", &services)) return fail("expected lacks services");
    if (info->app_id.len != strlen(app_id) || memcmp(info->app_id.ptr, app_id, info->app_id.len) != 0)
        return fail("app_id %.*s, expected %s", (int)info->app_id.len, info->app_id.ptr, app_id);
    if (info->issue_ts != issue_ts || info->expire != expire || info->salt != salt)
        return fail("issue_ts/expire/salt %" PRIu32 "/%" PRIu32 "/%" PRIu32, info->issue_ts, info->expire, info->salt);
    char hex[65];
    to_hex(info->signature, 32, hex);
    if (strcmp(hex, sig) != 0) return fail("signature %s, expected %s", hex, sig);
    json_object *got = json_object_new_array();
    for (size_t i = 0; i < info->service_count; i++) json_object_array_add(got, service_json(&info->services[i]));
    int same = json_object_equal(got, services);
    if (!same) fail("services differ\n  got:      %s\n  expected: %s", json_object_to_json_string(got),
                    json_object_to_json_string(services));
    json_object_put(got);
    if (!same) return 0;
    char *chex = malloc(2 * info->content_len + 1);
    if (!chex) abort();
    to_hex(info->content, info->content_len, chex);
    same = strcmp(chex, content) == 0;
    free(chex);
    return same ? 1 : fail("content_hex differs");
}

static int check_verify007(agora_token_str token, json_object *v) {
    json_object *cert = NULL, *rtc = NULL, *x = NULL;
    const char *expected = get_str(v, "result");
    int64_t now;
    if (!expected || !json_object_object_get_ex(v, "app_certificate", &cert)) return fail("verify lacks fields");
    if (!get_i64(v, "now", &now)) return 0;
    agora_token2_expected ex;
    memset(&ex, 0, sizeof ex);
    if (json_object_object_get_ex(v, "rtc", &rtc)) {
        if (!json_object_object_get_ex(rtc, "channel_name", &x)) return fail("verify.rtc lacks channel_name");
        ex.channel_name = jstr(x);
        if (json_object_object_get_ex(rtc, "uid", NULL)) {
            ex.has_uid = 1;
            if (!get_i64(rtc, "uid", &ex.uid)) return 0;
        } else if (json_object_object_get_ex(rtc, "user_account", &x)) {
            ex.user_account = jstr(x);
        } else {
            return fail("verify.rtc needs uid or user_account");
        }
    }
    agora_token_str c = jstr(cert);
    agora_token_error e;
    int result = -1;
    int status = agora_token2_verify(token.ptr, token.len, c.ptr, c.len, &ex, now, &result, &e);
    if (status != 0) return fail("verify failed: %s", error_text(status, &e));
    if (strcmp(agora_token_verify_result_name(result), expected) != 0)
        return fail("verify gave %s, expected %s", agora_token_verify_result_name(result), expected);
    return 1;
}

static int run_parse007(json_object *c) {
    json_object *t = NULL, *expected = NULL, *v = NULL;
    if (!json_object_object_get_ex(c, "token", &t) || !json_object_object_get_ex(c, "expected", &expected))
        return fail("missing token or expected");
    agora_token_str token = jstr(t);
    agora_token2_info *info = NULL;
    agora_token_error e;
    int status = agora_token2_parse(token.ptr, token.len, &info, &e);
    if (status != 0) return fail("parse failed: %s", error_text(status, &e));
    int ok = check_fields007(info, expected);
    agora_token2_info_free(info);
    if (ok && json_object_object_get_ex(c, "verify", &v)) ok = check_verify007(token, v);
    return ok;
}

static int run_case(json_object *c) {
    const char *kind = get_str(c, "kind");
    if (!kind) return fail("missing kind");
    if (strcmp(kind, "build006") == 0) return run_build(c);
    if (strcmp(kind, "parse006") == 0) return run_parse(c);
    if (strcmp(kind, "reject006") == 0) return run_reject(c);
    if (strcmp(kind, "invalid006") == 0) return run_invalid(c);
    if (strcmp(kind, "build007") == 0) return run_build007(c);
    if (strcmp(kind, "builder007") == 0) return run_builder007(c);
    if (strcmp(kind, "parse007") == 0) return run_parse007(c);
    if (strcmp(kind, "reject007") == 0) return run_reject007(c);
    if (strcmp(kind, "invalid007") == 0) return run_invalid007(c);
    return fail("unknown kind \"%s\"", kind);
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void) {
    const char *env = getenv("AGORA_TOKEN_VECTORS");
    char dir[4096];
    if (env && *env)
        snprintf(dir, sizeof dir, "%s", env);
    else
        snprintf(dir, sizeof dir, "%s/tests/vectors", AGORA_TOKEN_REPO_ROOT);

    long passed = 0, failed = 0;
    char **names = NULL;
    size_t count = 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "cannot open the vectors directory %s\n", dir);
        failed++;
    } else {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            size_t len = strlen(e->d_name);
            if (len > 6 && strcmp(e->d_name + len - 6, ".jsonl") == 0) {
                char **grown = realloc(names, (count + 1) * sizeof *names);
                if (!grown) abort();
                names = grown;
                names[count++] = strdup(e->d_name);
            }
        }
        closedir(d);
        qsort(names, count, sizeof *names, by_name);
    }

    for (size_t f = 0; f < count; f++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names[f]);
        FILE *fp = fopen(path, "r");
        if (!fp) {
            fprintf(stderr, "FAIL %s: cannot open\n", path);
            failed++;
            continue;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        long lineno = 0;
        while ((n = getline(&line, &cap, fp)) != -1) {
            lineno++;
            size_t i = 0;
            while (i < (size_t)n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n')) i++;
            if (i == (size_t)n) continue;
            json_object *c = json_tokener_parse(line);
            const char *id = c ? get_str(c, "id") : NULL;
            reason[0] = '\0';
            int ok = c && json_object_is_type(c, json_type_object) && id ? run_case(c)
                                                                          : fail("not a JSON object with an id");
            if (ok) {
                passed++;
            } else {
                failed++;
                fprintf(stderr, "FAIL %s:%ld %s: %s\n", names[f], lineno, id ? id : "?", reason);
            }
            json_object_put(c);
        }
        free(line);
        fclose(fp);
        free(names[f]);
    }
    free(names);
    printf("conformance[c]: %ld passed, %ld failed\n", passed, failed);
    return failed > 0 || passed == 0 ? 1 : 0;
}
