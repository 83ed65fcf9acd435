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
#include <functional>
#include <iostream>
#include <map>
#include <set>
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

// ---------------------------------------------------------------------------
// AccessToken2 (007).

int64_t i64(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end() || !it->is_number_integer()) throw CaseError(std::string("missing integer field ") + key);
    return it->get<int64_t>();
}

std::string hex(const std::vector<uint8_t>& bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
    return out;
}

std::vector<data::Service::Grant> grants(const json& list) {
    if (!list.is_array()) throw CaseError("permissions is not an array");
    std::vector<data::Service::Grant> out;
    for (const json& g : list) {
        if (!g.is_array() || g.size() != 3 || !g[2].is_array()) throw CaseError("bad permission entry");
        out.push_back(data::Service::Grant{g[0].get<int64_t>(), g[1].get<int64_t>(), g[2].get<std::vector<std::string>>()});
    }
    return out;
}

/// build007 / invalid007 inputs through data::AccessToken2 (services as data, checked strictly).
std::string build007(const json& c) {
    data::AccessToken2 t(str(c, "app_id"), str(c, "app_certificate"));
    t.SetIssueTs(i64(c, "issue_ts"));
    t.SetExpire(i64(c, "expire"));
    t.SetSalt(i64(c, "salt"));
    for (const json& j : c.at("services")) {
        data::Service s(i64(j, "type"));
        for (const json& p : j.at("privileges")) s.AddPrivilege(p.at(0).get<int64_t>(), p.at(1).get<int64_t>());
        if (j.contains("channel_name")) s.channelName = str(j, "channel_name");
        if (j.contains("uid")) s.uid = i64(j, "uid");
        if (j.contains("user_account")) s.userAccount = str(j, "user_account");
        if (j.contains("user_id")) s.userId = str(j, "user_id");
        if (j.contains("room_uuid")) s.roomUuid = str(j, "room_uuid");
        if (j.contains("user_uuid")) s.userUuid = str(j, "user_uuid");
        if (j.contains("role")) s.role = i64(j, "role");
        if (j.contains("permissions")) s.permissions = grants(j.at("permissions"));
        t.AddService(s);
    }
    return t.Build();
}

/// A builder007 case's args, read by name; every key must be used.
struct Args {
    const json& j;
    std::set<std::string> used;
    const json& at(const char* key) {
        used.insert(key);
        if (!j.contains(key)) throw CaseError(std::string("args lack ") + key);
        return j.at(key);
    }
    std::string s(const char* key) { return at(key).get<std::string>(); }
    uint32_t u(const char* key) { return u32Value(at(key), key); }
    uint32_t u(const char* key, uint32_t fallback) { return j.contains(key) ? u(key) : fallback; }
    UserRole role(const char* key) { return static_cast<UserRole>(at(key).get<int>()); }
};

using Named = std::function<std::string(const std::string&, const std::string&, Args&)>;

/// Every builder007 name, through the reference-named C++ function.
const std::map<std::string, Named>& namedBuilders() {
    static const std::map<std::string, Named> table = {
        {"rtc.build_token_with_uid",
         [](const std::string& id, const std::string& cert, Args& a) {
             return RtcTokenBuilder2::BuildTokenWithUid(id, cert, a.s("channel_name"), a.u("uid"), a.role("role"),
                                                        a.u("token_expire"), a.u("privilege_expire", 0));
         }},
        {"rtc.build_token_with_user_account",
         [](const std::string& id, const std::string& cert, Args& a) {
             return RtcTokenBuilder2::BuildTokenWithUserAccount(id, cert, a.s("channel_name"), a.s("account"),
                                                                a.role("role"), a.u("token_expire"),
                                                                a.u("privilege_expire", 0));
         }},
        {"rtc.build_token_with_uid_and_privilege",
         [](const std::string& id, const std::string& cert, Args& a) {
             return RtcTokenBuilder2::BuildTokenWithUid(
                 id, cert, a.s("channel_name"), a.u("uid"), a.u("token_expire"), a.u("join_channel_privilege_expire"),
                 a.u("pub_audio_privilege_expire"), a.u("pub_video_privilege_expire"),
                 a.u("pub_data_stream_privilege_expire"));
         }},
        {"rtc.build_token_with_user_account_and_privilege",
         [](const std::string& id, const std::string& cert, Args& a) {
             return RtcTokenBuilder2::BuildTokenWithUserAccount(
                 id, cert, a.s("channel_name"), a.s("account"), a.u("token_expire"),
                 a.u("join_channel_privilege_expire"), a.u("pub_audio_privilege_expire"),
                 a.u("pub_video_privilege_expire"), a.u("pub_data_stream_privilege_expire"));
         }},
        {"rtc.build_token_with_rtm",
         [](const std::string& id, const std::string& cert, Args& a) {
             return RtcTokenBuilder2::BuildTokenWithRtm(id, cert, a.s("channel_name"), a.s("account"), a.role("role"),
                                                        a.u("token_expire"), a.u("privilege_expire", 0));
         }},
        {"rtc.build_token_with_rtm2",
         [](const std::string& id, const std::string& cert, Args& a) {
             return RtcTokenBuilder2::BuildTokenWithRtm2(
                 id, cert, a.s("channel_name"), a.s("rtc_account"), a.role("rtc_role"), a.u("rtc_token_expire"),
                 a.u("join_channel_privilege_expire"), a.u("pub_audio_privilege_expire"),
                 a.u("pub_video_privilege_expire"), a.u("pub_data_stream_privilege_expire"), a.s("rtm_user_id"),
                 a.u("rtm_token_expire"));
         }},
        {"rtm.build_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return RtmTokenBuilder2::BuildToken(id, cert, a.s("user_id"), a.u("expire"));
         }},
        {"rtm.build_token_with_permissions",
         [](const std::string& id, const std::string& cert, Args& a) {
             ServiceRtm2::Permissions p;
             for (const data::Service::Grant& g : grants(a.at("permissions"))) p.Add(g.resourceType, g.permissionType, g.resources);
             return RtmTokenBuilder2::BuildToken(id, cert, a.s("user_id"), p, a.u("expire", 0));
         }},
        {"chat.build_user_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return ChatTokenBuilder2::BuildUserToken(id, cert, a.s("user_id"), a.u("expire"));
         }},
        {"chat.build_app_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return ChatTokenBuilder2::BuildAppToken(id, cert, a.u("expire"));
         }},
        {"fpa.build_token",
         [](const std::string& id, const std::string& cert, Args&) { return FpaTokenBuilder::BuildToken(id, cert); }},
        {"apaas.build_room_user_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return ApaasTokenBuilder::BuildRoomUserToken(id, cert, a.s("room_uuid"), a.s("user_uuid"),
                                                          a.at("role").get<int16_t>(), a.u("expire"));
         }},
        {"apaas.build_user_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return ApaasTokenBuilder::BuildUserToken(id, cert, a.s("user_uuid"), a.u("expire"));
         }},
        {"apaas.build_app_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return ApaasTokenBuilder::BuildAppToken(id, cert, a.u("expire"));
         }},
        {"education.build_room_user_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return EducationTokenBuilder2::BuildRoomUserToken(id, cert, a.s("room_uuid"), a.s("user_uuid"),
                                                               a.at("role").get<int16_t>(), a.u("expire"));
         }},
        {"education.build_user_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return EducationTokenBuilder2::BuildUserToken(id, cert, a.s("user_uuid"), a.u("expire"));
         }},
        {"convoai.build_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return ConvoAITokenBuilder::BuildToken(
                 id, cert, a.s("channel_name"), a.s("rtc_account"), a.role("rtc_role"), a.u("rtc_token_expire"),
                 a.u("join_channel_privilege_expire"), a.u("pub_audio_privilege_expire"),
                 a.u("pub_video_privilege_expire"), a.u("pub_data_stream_privilege_expire"), a.s("rtm_user_id"),
                 a.u("rtm_token_expire"));
         }},
        {"stt.build_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return SttTokenBuilder::BuildToken(
                 id, cert, a.s("channel_name"), a.s("rtc_account"), a.role("rtc_role"), a.u("rtc_token_expire"),
                 a.u("join_channel_privilege_expire"), a.u("pub_audio_privilege_expire"),
                 a.u("pub_video_privilege_expire"), a.u("pub_data_stream_privilege_expire"), a.s("rtm_user_id"),
                 a.u("rtm_token_expire"));
         }},
        {"education.build_app_token",
         [](const std::string& id, const std::string& cert, Args& a) {
             return EducationTokenBuilder2::BuildAppToken(id, cert, a.u("expire"));
         }},
    };
    return table;
}

/// Both steps of build007/builder007: the decompressed content, then the token.
void compare007(const json& c, const std::string& token) {
    data::AccessToken2 parsed;
    if (!parsed.FromString(token)) throw CaseError("own token does not parse: " + failure());
    if (hex(parsed.Content()) != str(c, "content_hex"))
        throw CaseError("content differs\n  got:      " + hex(parsed.Content()) + "\n  expected: " + str(c, "content_hex"));
    if (token != str(c, "token")) throw CaseError("token differs\n  got:      " + token + "\n  expected: " + str(c, "token"));
}

void runBuild007(const json& c) {
    const std::string token = build007(c);
    if (token.empty()) throw CaseError("build failed: " + failure());
    compare007(c, token);
}

void runInvalid007(const json& c) {
    const std::string token = build007(c);
    if (!token.empty()) throw CaseError("built " + token + ", expected error " + str(c, "error"));
    if (errorName(lastErrorCode()) != str(c, "error"))
        throw CaseError("error " + failure() + ", expected " + str(c, "error"));
}

void runBuilder007(const json& c) {
    const std::string& name = str(c, "builder");
    const auto& table = namedBuilders();
    auto it = table.find(name);
    if (it == table.end()) throw CaseError("no C++ builder for " + name);
    Args args{c.at("args"), {}};
    std::string token;
    {
        ScopedPin pin(u32(c, "issue_ts"), u32(c, "salt"));
        token = it->second(str(c, "app_id"), str(c, "app_certificate"), args);
    }
    if (args.used.size() != args.j.size()) throw CaseError("args hold keys " + name + " does not take");
    if (token.empty()) throw CaseError("build failed: " + failure());
    compare007(c, token);
}

void runReject007(const json& c) {
    data::AccessToken2 t;
    if (t.FromString(str(c, "token"))) throw CaseError("parsed, expected error " + str(c, "error"));
    if (errorName(lastErrorCode()) != str(c, "error"))
        throw CaseError("error " + failure() + ", expected " + str(c, "error"));
}

/// A parsed service in the vectors' token form.
json serviceJson(const data::Service& s) {
    json o = {{"type", s.type}, {"privileges", json::array()}};
    for (const auto& p : s.privileges) o["privileges"].push_back({p.first, p.second});
    switch (s.type) {
    case ServiceRtc::kServiceType: case ServiceStreaming::kServiceType: case ServiceFCdn::kServiceType:
        o["channel_name"] = s.channelName.value_or("");
        o["account"] = s.userAccount.value_or("");
        break;
    case ServiceRtm::kServiceType: case ServiceChat::kServiceType:
        o["user_id"] = s.userId.value_or("");
        break;
    case ServiceApaas::kServiceType:
        o["room_uuid"] = s.roomUuid.value_or("");
        o["user_uuid"] = s.userUuid.value_or("");
        o["role"] = s.role.value_or(0);
        break;
    case ServiceRtm2::kServiceType:
        o["user_id"] = s.userId.value_or("");
        o["permissions"] = json::array();
        for (const data::Service::Grant& g : s.permissions) o["permissions"].push_back({g.resourceType, g.permissionType, g.resources});
        break;
    default:
        break;
    }
    return o;
}

void runParse007(const json& c) {
    const std::string& token = str(c, "token");
    const json& e = c.at("expected");
    data::AccessToken2 t;
    if (!t.FromString(token)) throw CaseError("parse failed: " + failure());
    json services = json::array();
    for (const data::Service& s : t.Services()) services.push_back(serviceJson(s));
    if (t.AppId() != str(e, "app_id")) throw CaseError("app_id " + t.AppId());
    if (t.IssueTs() != i64(e, "issue_ts") || t.Expire() != i64(e, "expire") || t.Salt() != i64(e, "salt"))
        throw CaseError("issue_ts, expire or salt differs");
    if (hex(t.Signature()) != str(e, "signature_hex")) throw CaseError("signature " + hex(t.Signature()));
    if (services != e.at("services")) throw CaseError("services differ: " + services.dump());
    if (hex(t.Content()) != str(e, "content_hex")) throw CaseError("content differs");

    auto v = c.find("verify");
    if (v == c.end()) return;
    const std::string& cert = str(*v, "app_certificate");
    const int64_t now = i64(*v, "now");
    std::optional<VerifyResult> result;
    auto rtc = v->find("rtc");
    if (rtc == v->end()) {
        result = verify2(token, cert, now);
    } else if (rtc->contains("uid")) {
        result = verify2(token, cert, str(*rtc, "channel_name"), u32(*rtc, "uid"), now);
    } else {
        result = verify2UserAccount(token, cert, str(*rtc, "channel_name"), str(*rtc, "user_account"), now);
    }
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
    if (kind == "build007") return runBuild007(c);
    if (kind == "builder007") return runBuilder007(c);
    if (kind == "parse007") return runParse007(c);
    if (kind == "reject007") return runReject007(c);
    if (kind == "invalid007") return runInvalid007(c);
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
    // Every row of the library's builder table is reachable under its name
    // here (a row without a C++ builder fails the run; rows are not cases).
    for (uint32_t i = 0; i < agora_token2_builder_count(); ++i) {
        const agora_token2_builder_info* info = nullptr;
        if (agora_token2_builder_get_info(i, &info, nullptr) != 0 || info == nullptr) {
            std::cerr << "FAIL builder table: row " << i << " cannot be read\n";
            ++failed;
            continue;
        }
        const std::string name(info->name.ptr, info->name.len);
        if (namedBuilders().count(name) == 0) {
            std::cerr << "FAIL builder table: " << name << " has no C++ builder in this runner\n";
            ++failed;
        }
    }
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
