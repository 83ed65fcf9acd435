// A plain C++ AccessToken2 ("007") builder written the way Agora's reference
// C++ builder is (its header-only AccessToken2 over OpenSSL and zlib):
// services in a std::multimap by type, std::stringstream packing, OpenSSL
// HMAC-SHA256 for the three-step signature, a fresh zlib deflate stream per
// token (deflateInit with Z_DEFAULT_COMPRESSION), a hand-rolled base64, salt
// from std::random_device and issue_ts from time(). Only an RTC service is
// modelled: it exists as the benchmark's peer.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace reference {

class AccessToken2 {
public:
    AccessToken2(std::string appId, std::string appCertificate, uint32_t issueTs = 0, uint32_t expire = 900);
    // An RTC service for a channel and uid string, with its privileges (seconds after issue_ts).
    void addRtcService(const std::string& channelName, const std::string& uid,
                       const std::map<uint16_t, uint32_t>& privileges);
    std::string build() const;
    uint32_t salt;

private:
    std::string appId_, appCertificate_;
    uint32_t issueTs_, expire_;
    std::multimap<uint16_t, std::string> services_;  // type -> packed service
};

// RtcTokenBuilder2::BuildTokenWithUid, reference style.
std::string buildTokenWithUid(const std::string& appId, const std::string& appCertificate,
                              const std::string& channelName, uint32_t uid, int role, uint32_t tokenExpire,
                              uint32_t privilegeExpire, uint32_t issueTs = 0, uint32_t salt = 0);

}  // namespace reference
