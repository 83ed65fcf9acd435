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

static int run_case(json_object *c) {
    const char *kind = get_str(c, "kind");
    if (!kind) return fail("missing kind");
    if (strcmp(kind, "build006") == 0) return run_build(c);
    if (strcmp(kind, "parse006") == 0) return run_parse(c);
    if (strcmp(kind, "reject006") == 0) return run_reject(c);
    if (strcmp(kind, "invalid006") == 0) return run_invalid(c);
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
