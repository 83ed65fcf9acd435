// Mints an RTC token for a numeric uid and one for a user account, then
// inspects and verifies both. App id and certificate come from AGORA_APP_ID
// and AGORA_APP_CERTIFICATE (Agora's public sample values otherwise).
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

#include <agora_token.hpp>

using namespace agora::tools;

static std::string env(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

static bool inspect(const std::string& label, const std::string& token, const std::string& certificate,
                    const std::string& channel, uint32_t uid, const std::string* account) {
    if (token.empty()) {
        std::cerr << label << ": no token: " << lastError() << "\n";
        return false;
    }
    std::cout << label << " token: " << token << "\n";
    auto info = parse(token);
    if (!info) {
        std::cerr << label << ": cannot parse: " << lastError() << "\n";
        return false;
    }
    std::cout << "  app id " << info->appId << ", salt " << info->salt << ", expires " << info->ts << ", privileges";
    for (const TokenPrivilege& p : info->privileges) std::cout << " " << p.id << "@" << p.expireTs;
    std::cout << "\n";
    const auto now = static_cast<uint32_t>(std::time(nullptr));
    auto result = account ? verifyUserAccount(token, certificate, channel, *account, now)
                          : verify(token, certificate, channel, uid, now);
    if (!result) {
        std::cerr << label << ": cannot verify: " << lastError() << "\n";
        return false;
    }
    std::cout << "  verify: " << verifyResultName(*result) << "\n";
    return *result == VerifyResult::Ok;
}

int main() {
    const std::string appId = env("AGORA_APP_ID", "970CA35de60c44645bbae8a215061b33");
    const std::string certificate = env("AGORA_APP_CERTIFICATE", "5CFd2fd1755d40ecb72977518be15d3b");
    const std::string channel = "room-1";
    const std::string account = "alice";
    const uint32_t uid = 2882341273u;
    const auto expire = static_cast<uint32_t>(std::time(nullptr)) + 3600;

    std::cout << "libagoratoken " << version() << "\n";
    const std::string byUid = RtcTokenBuilder::buildTokenWithUid(appId, certificate, channel, uid, Role_Publisher, expire);
    const std::string byAccount =
        RtcTokenBuilder::buildTokenWithUserAccount(appId, certificate, channel, account, Role_Subscriber, expire);
    const bool ok = inspect("uid " + std::to_string(uid), byUid, certificate, channel, uid, nullptr) &
                    inspect("account " + account, byAccount, certificate, channel, 0, &account);
    return ok ? 0 : 1;
}
