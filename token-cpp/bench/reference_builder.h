// A plain C++ AccessToken 006 builder written the way Agora's reference C++
// builder does it: salt from std::random_device, expiry from time(), a
// std::map of privileges, std::stringstream packing, a one-shot OpenSSL
// HMAC-SHA256 over a concatenated std::string, a hand-rolled base64.
// It exists only as the benchmark's peer.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>

namespace reference {

// Little-endian packing, base64 and a one-shot OpenSSL HMAC-SHA256, as the
// reference's Packer and utils do; shared by both reference-style builders.
void packU16(std::ostream& out, uint16_t v);
void packU32(std::ostream& out, uint32_t v);
void packString(std::ostream& out, const std::string& s);
std::string base64Encode(const std::string& data);
std::string hmacSha256(const std::string& key, const std::string& data);

class AccessToken {
public:
    AccessToken(std::string appId, std::string appCertificate, std::string channelName, uint32_t uid);
    void addPrivilege(uint16_t privilege, uint32_t expireTimestamp);
    // Draws a fresh salt (std::random_device) and ts (now + 24 h), then builds.
    std::string build();
    // Builds with the given salt and ts (no draw).
    std::string build(uint32_t salt, uint32_t ts) const;

private:
    std::string appId_, appCertificate_, channelName_, uid_;
    std::map<uint16_t, uint32_t> privileges_;
};

}  // namespace reference
