/* The C ABI under randfail.so (see randfail.c): a failing OS random source is
 * AGORA_TOKEN_ERR_RANDOM ("random") from every minting call, and the process
 * goes on and mints once the source works again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agora_token.h"

static int passed, failed;

static void check(int ok, const char *what) {
    if (ok) {
        passed++;
    } else {
        failed++;
        fprintf(stderr, "random-failure[c]: FAILED: %s (last error: %s)\n", what, agora_token_last_error());
    }
}

static void arm(const char *path, int on) {
    if (on) {
        FILE *f = fopen(path, "w");
        if (f != NULL) fclose(f);
    } else {
        remove(path);
    }
}

int main(void) {
    const char *path = getenv("AGORATOKEN_RANDFAIL_FILE");
    if (path == NULL) {
        fprintf(stderr, "random-failure[c]: run under LD_PRELOAD=randfail.so with AGORATOKEN_RANDFAIL_FILE set\n");
        return 2;
    }
    const char *app_id = "970CA35de60c44645bbae8a215061b33", *cert = "5CFd2fd1755d40ecb72977518be15d3b";
    agora_token_builder *b = NULL;
    check(agora_token_builder_new_uid(app_id, cert, "room-1", 42, &b) == AGORA_TOKEN_OK, "new builder");
    char *token = NULL;
    char buf[256];
    size_t len = 0;

    arm(path, 1);
    int rc = agora_token_builder_build_token(b, &token);
    check(rc == AGORA_TOKEN_ERR_RANDOM && token == NULL, "build_token fails with random");
    check(strcmp(agora_token_error_name(rc), "random") == 0, "the category is named random");
    check(strncmp(agora_token_last_error(), "random:", 7) == 0, "the message names the category");
    rc = agora_token_builder_build_token_into(b, buf, sizeof buf, &len);
    check(rc == AGORA_TOKEN_ERR_RANDOM && len == 0, "build_token_into fails with random");
    rc = agora_rtc_token_builder_build_token_with_uid(app_id, cert, "room-1", 42, 1, 0, &token);
    check(rc == AGORA_TOKEN_ERR_RANDOM && token == NULL, "the RTC helper fails with random");
    rc = agora_rtm_token_builder_build_token(app_id, cert, "alice", 1, 0, &token);
    check(rc == AGORA_TOKEN_ERR_RANDOM && token == NULL, "the RTM helper fails with random");

    arm(path, 0);
    rc = agora_token_builder_build_token(b, &token);
    check(rc == AGORA_TOKEN_OK && token != NULL && strncmp(token, "006", 3) == 0, "builds again once the source works");
    agora_token_string_free(token);
    agora_token_builder_free(b);
    printf("random-failure[c]: %d passed, %d failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
