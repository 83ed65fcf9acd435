#include "reference_builder.h"

#include <ctime>
#include <random>
#include <sstream>

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace reference {

// The helpers both reference-style builders share (declared in reference_builder.h).
void packU16(std::ostream& out, uint16_t v) {
    const char b[2] = {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
    out.write(b, 2);
}

void packU32(std::ostream& out, uint32_t v) {
    const char b[4] = {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF),
                       static_cast<char>((v >> 16) & 0xFF), static_cast<char>(v >> 24)};
    out.write(b, 4);
}

void packString(std::ostream& out, const std::string& s) {
    packU16(out, static_cast<uint16_t>(s.size()));
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
}

namespace {

uint32_t crc32(const std::string& s) {
    static const auto table = [] {
        struct T { uint32_t v[256]; } t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t.v[i] = c;
        }
        return t;
    }();
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char ch : s) c = table.v[(c ^ ch) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

}  // namespace

std::string base64Encode(const std::string& data) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const uint32_t n = (static_cast<unsigned char>(data[i]) << 16) |
                           (static_cast<unsigned char>(data[i + 1]) << 8) | static_cast<unsigned char>(data[i + 2]);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
        out += alphabet[n & 63];
    }
    if (i + 1 == data.size()) {
        const uint32_t n = static_cast<unsigned char>(data[i]) << 16;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += "==";
    } else if (i + 2 == data.size()) {
        const uint32_t n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
        out += '=';
    }
    return out;
}

std::string hmacSha256(const std::string& key, const std::string& data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
         data.size(), md, &len);
    return std::string(reinterpret_cast<const char*>(md), len);
}

AccessToken::AccessToken(std::string appId, std::string appCertificate, std::string channelName, uint32_t uid)
    : appId_(std::move(appId)),
      appCertificate_(std::move(appCertificate)),
      channelName_(std::move(channelName)),
      uid_(uid == 0 ? std::string() : std::to_string(uid)) {}

void AccessToken::addPrivilege(uint16_t privilege, uint32_t expireTimestamp) { privileges_[privilege] = expireTimestamp; }

std::string AccessToken::build() {
    std::random_device rd;
    const uint32_t salt = rd();
    const uint32_t ts = static_cast<uint32_t>(::time(nullptr)) + 24 * 3600;
    return build(salt, ts);
}

std::string AccessToken::build(uint32_t salt, uint32_t ts) const {
    std::stringstream message;
    packU32(message, salt);
    packU32(message, ts);
    packU16(message, static_cast<uint16_t>(privileges_.size()));
    for (const auto& p : privileges_) {
        packU16(message, p.first);
        packU32(message, p.second);
    }
    const std::string rawMessage = message.str();
    const std::string signature = hmacSha256(appCertificate_, appId_ + channelName_ + uid_ + rawMessage);

    std::stringstream content;
    packString(content, signature);
    packU32(content, crc32(channelName_));
    packU32(content, crc32(uid_));
    packString(content, rawMessage);
    return "006" + appId_ + base64Encode(content.str());
}

}  // namespace reference
