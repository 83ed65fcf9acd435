#include "reference_builder2.h"

#include <ctime>
#include <random>
#include <sstream>

#include <zlib.h>

#include "reference_builder.h"

namespace reference {
namespace {

// zlib's deflate of the whole content in one fresh stream, as the reference's Compress().
std::string compress(const std::string& data) {
    z_stream s{};
    if (deflateInit(&s, Z_DEFAULT_COMPRESSION) != Z_OK) return std::string();
    std::string out(deflateBound(&s, data.size()), '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    s.avail_in = static_cast<uInt>(data.size());
    s.next_out = reinterpret_cast<Bytef*>(&out[0]);
    s.avail_out = static_cast<uInt>(out.size());
    deflate(&s, Z_FINISH);
    out.resize(s.total_out);
    deflateEnd(&s);
    return out;
}

std::string u32le(uint32_t v) {
    std::ostringstream o;
    packU32(o, v);
    return o.str();
}

}  // namespace

AccessToken2::AccessToken2(std::string appId, std::string appCertificate, uint32_t issueTs, uint32_t expire)
    : salt(std::random_device()()),
      appId_(std::move(appId)),
      appCertificate_(std::move(appCertificate)),
      issueTs_(issueTs != 0 ? issueTs : static_cast<uint32_t>(::time(nullptr))),
      expire_(expire) {}

void AccessToken2::addRtcService(const std::string& channelName, const std::string& uid,
                                 const std::map<uint16_t, uint32_t>& privileges) {
    std::ostringstream s;
    packU16(s, 1);
    packU16(s, static_cast<uint16_t>(privileges.size()));
    for (const auto& p : privileges) {
        packU16(s, p.first);
        packU32(s, p.second);
    }
    packString(s, channelName);
    packString(s, uid);
    services_.emplace(1, s.str());
}

std::string AccessToken2::build() const {
    if (services_.empty()) return std::string();
    // k1 = HMAC(issue_ts, certificate), k2 = HMAC(salt, k1): the reference's Signing().
    const std::string signing = hmacSha256(u32le(salt), hmacSha256(u32le(issueTs_), appCertificate_));
    std::ostringstream info;
    packString(info, appId_);
    packU32(info, issueTs_);
    packU32(info, expire_);
    packU32(info, salt);
    packU16(info, static_cast<uint16_t>(services_.size()));
    for (const auto& s : services_) info << s.second;
    const std::string signingInfo = info.str();
    std::ostringstream content;
    packString(content, hmacSha256(signing, signingInfo));
    content << signingInfo;
    return "007" + base64Encode(compress(content.str()));
}

std::string buildTokenWithUid(const std::string& appId, const std::string& appCertificate,
                              const std::string& channelName, uint32_t uid, int role, uint32_t tokenExpire,
                              uint32_t privilegeExpire, uint32_t issueTs, uint32_t salt) {
    AccessToken2 token(appId, appCertificate, issueTs, tokenExpire);
    if (salt != 0) token.salt = salt;
    std::map<uint16_t, uint32_t> privileges = {{1, privilegeExpire}};
    if (role == 1) privileges.insert({{2, privilegeExpire}, {3, privilegeExpire}, {4, privilegeExpire}});
    token.addRtcService(channelName, uid == 0 ? std::string() : std::to_string(uid), privileges);
    return token.build();
}

}  // namespace reference
