/*
 * A program with a zlib of its own links libagoratoken.a beside it: each
 * keeps its own copy (the library's zlib symbols are renamed by
 * scripts/hide-zlib-symbols.sh), so the program's zlib calls reach the
 * system zlib, and tokens still come out. `make test-c` links it against
 * the shared and the static system zlib.
 */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "agora_token.h"

int main(void) {
    char out[512];
    size_t n = 0;
    agora_token_error e;
    int rc = agora_token2_build(AGORA_TOKEN2_FPA_BUILD_TOKEN, "970CA35de60c44645bbae8a215061b33", 32,
                                "5CFd2fd1755d40ecb72977518be15d3b", 32, NULL, out, sizeof out, &n, &e);
    if (rc != 0 || n < 4 || memcmp(out, "007", 3) != 0) {
        fprintf(stderr, "zlib_clash: no token (%d)\n", rc);
        return 1;
    }
    if (strcmp(zlibVersion(), ZLIB_VERSION) != 0) {
        fprintf(stderr, "zlib_clash: zlibVersion() is %s, the program's zlib is %s: the library's zlib answered\n",
                zlibVersion(), ZLIB_VERSION);
        return 1;
    }
    printf("zlib_clash: ok (the program's zlib %s, a token of %zu bytes)\n", zlibVersion(), n);
    return 0;
}
