// The C++ conformance runner: the C++ API (include/agora_token.hpp) over
// every *.jsonl file in $AGORA_TOKEN_VECTORS (default: the repository's
// tests/vectors, compiled in as AGORA_TOKEN_REPO_ROOT). Prints, last,
// "conformance[cpp]: N passed, M failed"; exits non-zero when M > 0 or N = 0.
// JSON is read with nlohmann/json (never linked into libagoratoken).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agora_token.hpp"

#ifndef AGORA_TOKEN_REPO_ROOT
#error "compile with -DAGORA_TOKEN_REPO_ROOT=\"/path/to/repo\""
#endif

namespace fs = std::filesystem;
using nlohmann::json;
using namespace agora::tools;

namespace {

struct CaseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

const std::string& str(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_string()) throw CaseError(std::string("missing string field ") + key);
    return it->get_ref<const std::string&>();
}

uint32_t u32Value(const json& v, const std::string& what) {
    if (!v.is_number_integer()) throw CaseError(what + " is not an integer");
    const auto n = v.get<int64_t>();
    if (v.is_number_unsigned() ? v.get<uint64_t>() > UINT32_MAX : (n < 0 || n > int64_t{UINT32_MAX}))
        throw CaseError(what + " is out of range");
    return static_cast<uint32_t>(v.get<uint64_t>());
}

uint32_t u32(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) throw CaseError(std::string("missing integer field ") + key);
    return u32Value(*it, key);
}

std::vector<std::pair<int64_t, uint32_t>> pairs(const json& list) {
    if (!list.is_array()) throw CaseError("privileges is not an array");
    std::vector<std::pair<int64_t, uint32_t>> out;
    for (const json& p : list) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number_integer()) throw CaseError("privilege is not a pair");
        out.emplace_back(p[0].get<int64_t>(), u32Value(p[1], "privilege expiry"));
    }
    return out;
}

/// Builds from build006 / invalid006 inputs: the token, or nullopt with the
/// failure in lastError() / lastErrorCode().
std::optional<std::string> build(const json& c) {
    const bool hasUid = c.contains("uid"), hasAccount = c.contains("user_account");
    if (hasUid == hasAccount) throw CaseError("exactly one of uid and user_account is required");
    const std::string &appId = str(c, "app_id"), &cert = str(c, "app_certificate"), &channel = str(c, "channel_name");
    const uint32_t salt = u32(c, "salt"), ts = u32(c, "ts");
    const auto privileges = pairs(c.at("privileges"));
    SimpleTokenBuilder b = hasUid ? SimpleTokenBuilder(appId, cert, channel, u32(c, "uid"))
                                  : SimpleTokenBuilder(appId, cert, channel, str(c, "user_account"));
    if (!b.setSalt(salt) || !b.setTs(ts)) return std::nullopt;
    for (const auto& [id, expire] : privileges) {
        if (id < 0 || id > 0xFFFF) throw CaseError("privilege id out of range");
        if (!b.setPrivilege(static_cast<Privileges>(id), expire)) return std::nullopt;
    }
    std::string token = b.buildToken();
    if (token.empty()) return std::nullopt;
    return token;
}

std::string failure() { return errorName(lastErrorCode()) + " (" + lastError() + ")"; }

void runBuild(const json& c) {
    const std::string& expected = str(c, "token");
    auto token = build(c);
    if (!token) throw CaseError("build failed: " + failure());
    if (*token != expected) throw CaseError("token differs\n  got:      " + *token + "\n  expected: " + expected);
}

void runInvalid(const json& c) {
    const std::string& expected = str(c, "error");
    auto token = build(c);
    if (token) throw CaseError("built " + *token + ", expected error " + expected);
    if (errorName(lastErrorCode()) != expected) throw CaseError("error " + failure() + ", expected " + expected);
}

void runReject(const json& c) {
    const std::string& expected = str(c, "error");
    if (parse(str(c, "token"))) throw CaseError("parsed, expected error " + expected);
    if (errorName(lastErrorCode()) != expected) throw CaseError("error " + failure() + ", expected " + expected);
}

void runParse(const json& c) {
    const std::string& token = str(c, "token");
    const json& e = c.at("expected");
    auto info = parse(token);
    if (!info) throw CaseError("parse failed: " + failure());
    if (info->appId != str(e, "app_id")) throw CaseError("app_id " + info->appId);
    if (info->signatureHex() != str(e, "signature_hex")) throw CaseError("signature " + info->signatureHex());
    if (info->crcChannelName != u32(e, "crc_channel_name")) throw CaseError("crc_channel_name differs");
    if (info->crcUid != u32(e, "crc_uid")) throw CaseError("crc_uid differs");
    if (info->salt != u32(e, "salt")) throw CaseError("salt differs");
    if (info->ts != u32(e, "ts")) throw CaseError("ts differs");
    const auto expected = pairs(e.at("privileges"));
    if (info->privileges.size() != expected.size()) throw CaseError("privilege count differs");
    for (size_t i = 0; i < expected.size(); ++i)
        if (info->privileges[i].id != expected[i].first || info->privileges[i].expireTs != expected[i].second)
            throw CaseError("privilege " + std::to_string(i) + " differs");

    auto v = c.find("verify");
    if (v == c.end()) return;
    const bool hasUid = v->contains("uid"), hasAccount = v->contains("user_account");
    if (hasUid == hasAccount) throw CaseError("verify needs exactly one of uid and user_account");
    std::optional<std::string> appId;
    if (v->contains("app_id")) appId = str(*v, "app_id");
    const std::string &cert = str(*v, "app_certificate"), &channel = str(*v, "channel_name");
    const uint32_t now = u32(*v, "now");
    auto result = hasUid ? verify(token, cert, channel, u32(*v, "uid"), now, appId)
                         : verifyUserAccount(token, cert, channel, str(*v, "user_account"), now, appId);
    if (!result) throw CaseError("verify failed: " + failure());
    if (verifyResultName(*result) != str(*v, "result"))
        throw CaseError("verify gave " + verifyResultName(*result) + ", expected " + str(*v, "result"));
}

void runCase(const json& c) {
    if (!c.is_object()) throw CaseError("not a JSON object");
    const std::string& kind = str(c, "kind");
    if (kind == "build006") return runBuild(c);
    if (kind == "parse006") return runParse(c);
    if (kind == "reject006") return runReject(c);
    if (kind == "invalid006") return runInvalid(c);
    throw CaseError("unknown kind \"" + kind + "\"");
}

}  // namespace

int main() {
    const char* env = std::getenv("AGORA_TOKEN_VECTORS");
    const fs::path dir = env && *env ? fs::path(env) : fs::path(AGORA_TOKEN_REPO_ROOT) / "tests" / "vectors";
    long passed = 0, failed = 0;
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".jsonl") files.push_back(it->path());
    if (ec) {
        std::cerr << "cannot read the vectors directory " << dir << ": " << ec.message() << "\n";
        ++failed;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::ifstream in(file);
        std::string line;
        long lineno = 0;
        while (std::getline(in, line)) {
            ++lineno;
            if (line.find_first_not_of(" \t\r\n") == std::string::npos) continue;
            std::string id = "?";
            try {
                const json c = json::parse(line);
                id = str(c, "id");
                runCase(c);
                ++passed;
            } catch (const std::exception& e) {
                ++failed;
                std::cerr << "FAIL " << file.filename().string() << ":" << lineno << " " << id << ": " << e.what()
                          << "\n";
            }
        }
    }
    std::cout << "conformance[cpp]: " << passed << " passed, " << failed << " failed" << std::endl;
    return failed > 0 || passed == 0 ? 1 : 0;
}
