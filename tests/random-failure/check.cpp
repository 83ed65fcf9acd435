// The C++ wrapper under randfail.so (see randfail.c): a failing OS random
// source gives "" with lastErrorCode() == AGORA_TOKEN_ERR_RANDOM, nothing
// throws, and the process mints again once the source works.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "agora_token.hpp"

using namespace agora::tools;

static int passed, failed;

static void check(bool ok, const char *what) {
    if (ok) {
        passed++;
    } else {
        failed++;
        std::fprintf(stderr, "random-failure[cpp]: FAILED: %s (%s)\n", what, lastError().c_str());
    }
}

int main() {
    const char *path = std::getenv("AGORATOKEN_RANDFAIL_FILE");
    if (path == nullptr) {
        std::fprintf(stderr, "random-failure[cpp]: run under LD_PRELOAD=randfail.so with AGORATOKEN_RANDFAIL_FILE set\n");
        return 2;
    }
    const std::string appId = "970CA35de60c44645bbae8a215061b33", cert = "5CFd2fd1755d40ecb72977518be15d3b";
    SimpleTokenBuilder b(appId, cert, "room-1", 42u);
    check(b.valid(), "new builder");

    if (std::FILE *f = std::fopen(path, "w")) std::fclose(f);
    check(b.buildToken().empty() && lastErrorCode() == AGORA_TOKEN_ERR_RANDOM, "buildToken fails with random");
    check(errorName(lastErrorCode()) == "random", "the category is named random");
    check(RtcTokenBuilder::buildTokenWithUid(appId, cert, "room-1", 42, Role_Publisher, 0).empty() &&
              lastErrorCode() == AGORA_TOKEN_ERR_RANDOM,
          "the RTC helper fails with random");

    std::remove(path);
    check(b.buildToken().rfind("006", 0) == 0, "builds again once the source works");
    std::printf("random-failure[cpp]: %d passed, %d failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
