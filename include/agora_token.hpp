// agora_token.hpp: the C++ API of libagoratoken (AccessToken "006"), header-only
// over the C ABI of agora_token.h. Link with -lagoratoken (or libagoratoken.a).
//
//   agora::tools::SimpleTokenBuilder b(appId, appCertificate, "room-1", 2882341273u);
//   b.setPrivilege(agora::tools::kJoinChannel, expireTs);
//   std::string token = b.buildToken();          // "" on failure
//   if (token.empty()) std::cerr << agora::tools::lastError() << "\n";
//
// Failures never throw (except std::bad_alloc): functions return false, "" or
// std::nullopt, and lastError() / lastErrorCode() tell why (this thread's last
// failure; the code is an agora_token_status, its name errorName(code)).
// Messages name the field and never contain the app certificate.
//
// C++17; builds warning-free with -Wall -Wextra -Werror.
#ifndef AGORA_TOKEN_HPP
#define AGORA_TOKEN_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "agora_token.h"

namespace agora {
namespace tools {

/// Privileges of a 006 token (the reference builders' names and ids).
enum Privileges : uint16_t {
    kJoinChannel = AGORA_TOKEN_PRIVILEGE_JOIN_CHANNEL,
    kPublishAudioStream = AGORA_TOKEN_PRIVILEGE_PUBLISH_AUDIO_STREAM,
    kPublishVideoStream = AGORA_TOKEN_PRIVILEGE_PUBLISH_VIDEO_STREAM,
    kPublishDataStream = AGORA_TOKEN_PRIVILEGE_PUBLISH_DATA_STREAM,
    kPublishAudioCdn = AGORA_TOKEN_PRIVILEGE_PUBLISH_AUDIO_CDN,
    kPublishVideoCdn = AGORA_TOKEN_PRIVILEGE_PUBLISH_VIDEO_CDN,
    kRequestPublishAudioStream = AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_AUDIO_STREAM,
    kRequestPublishVideoStream = AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_VIDEO_STREAM,
    kRequestPublishDataStream = AGORA_TOKEN_PRIVILEGE_REQUEST_PUBLISH_DATA_STREAM,
    kInvitePublishAudioStream = AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_AUDIO_STREAM,
    kInvitePublishVideoStream = AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_VIDEO_STREAM,
    kInvitePublishDataStream = AGORA_TOKEN_PRIVILEGE_INVITE_PUBLISH_DATA_STREAM,
    kAdministrateChannel = AGORA_TOKEN_PRIVILEGE_ADMINISTRATE_CHANNEL,
    kRtmLogin = AGORA_TOKEN_PRIVILEGE_RTM_LOGIN,
};

/// The reference's privileges are an enum inside its class AccessToken, so code
/// written for it spells them `AccessToken::Privileges::kJoinChannel` or
/// `AccessToken::kJoinChannel`: both work here.
struct AccessToken {
    using Privileges = ::agora::tools::Privileges;
    static constexpr Privileges kJoinChannel = ::agora::tools::kJoinChannel;
    static constexpr Privileges kPublishAudioStream = ::agora::tools::kPublishAudioStream;
    static constexpr Privileges kPublishVideoStream = ::agora::tools::kPublishVideoStream;
    static constexpr Privileges kPublishDataStream = ::agora::tools::kPublishDataStream;
    static constexpr Privileges kPublishAudioCdn = ::agora::tools::kPublishAudioCdn;
    static constexpr Privileges kPublishVideoCdn = ::agora::tools::kPublishVideoCdn;
    static constexpr Privileges kRequestPublishAudioStream = ::agora::tools::kRequestPublishAudioStream;
    static constexpr Privileges kRequestPublishVideoStream = ::agora::tools::kRequestPublishVideoStream;
    static constexpr Privileges kRequestPublishDataStream = ::agora::tools::kRequestPublishDataStream;
    static constexpr Privileges kInvitePublishAudioStream = ::agora::tools::kInvitePublishAudioStream;
    static constexpr Privileges kInvitePublishVideoStream = ::agora::tools::kInvitePublishVideoStream;
    static constexpr Privileges kInvitePublishDataStream = ::agora::tools::kInvitePublishDataStream;
    static constexpr Privileges kAdministrateChannel = ::agora::tools::kAdministrateChannel;
    static constexpr Privileges kRtmLogin = ::agora::tools::kRtmLogin;
};

/// RTC roles. Attendee, Publisher and Admin get JoinChannel and
/// Publish{Audio,Video,Data}Stream; Subscriber gets JoinChannel only.
enum Role : int {
    Role_Attendee = AGORA_TOKEN_ROLE_ATTENDEE,
    Role_Publisher = AGORA_TOKEN_ROLE_PUBLISHER,
    Role_Subscriber = AGORA_TOKEN_ROLE_SUBSCRIBER,
    Role_Admin = AGORA_TOKEN_ROLE_ADMIN,
};
/// RtcTokenBuilder's name for the same roles.
using UserRole = Role;

/// RTM roles.
enum RtmUserRole : int { Rtm_User = AGORA_TOKEN_RTM_ROLE_USER };

/// The outcome of verify(): Ok, or the first check that failed.
enum class VerifyResult : int {
    Ok = AGORA_TOKEN_VERIFY_OK,
    AppIdMismatch = AGORA_TOKEN_VERIFY_APP_ID_MISMATCH,
    ChannelMismatch = AGORA_TOKEN_VERIFY_CHANNEL_MISMATCH,
    UidMismatch = AGORA_TOKEN_VERIFY_UID_MISMATCH,
    SignatureMismatch = AGORA_TOKEN_VERIFY_SIGNATURE_MISMATCH,
    Expired = AGORA_TOKEN_VERIFY_EXPIRED,
    PrivilegeExpired = AGORA_TOKEN_VERIFY_PRIVILEGE_EXPIRED,
};

namespace detail {

struct LastError {
    int code = AGORA_TOKEN_OK;
    std::string message;
};

inline LastError& lastErrorSlot() {
    thread_local LastError slot;
    return slot;
}

/// Records a failure of this wrapper; returns false for `return fail(...)`.
inline bool fail(int code, std::string message) {
    LastError& slot = lastErrorSlot();
    slot.code = code;
    slot.message = std::move(message);
    return false;
}

/// Checks a C call's status; on failure copies the library's message.
inline bool check(int status) {
    if (status == AGORA_TOKEN_OK) return true;
    return fail(status, agora_token_last_error());
}

/// A std::string argument as a C string. A NUL, which a C string cannot
/// carry, is passed as 0xFF: a byte that is not UTF-8 and is valid in no field
/// and nowhere in a token. The library then refuses the value in its field's
/// own check, in its usual order of checks, instead of silently using what
/// precedes the NUL. Not copyable: get() may point into the object.
class CArg {
public:
    explicit CArg(const std::string& value) : ptr_(value.c_str()) {
        if (value.find('\0') == std::string::npos) return;
        copy_ = value;
        std::replace(copy_.begin(), copy_.end(), '\0', static_cast<char>(0xFF));
        ptr_ = copy_.c_str();
        hadNul_ = true;
    }
    CArg(const CArg&) = delete;
    CArg& operator=(const CArg&) = delete;

    const char* get() const noexcept { return ptr_; }
    bool hadNul() const noexcept { return hadNul_; }

private:
    const char* ptr_;
    std::string copy_;
    bool hadNul_ = false;
};

/// An argument whose NUL, if any, explains a failure with status `code`
/// (`arg` may be NULL: an absent optional argument).
struct NulCause {
    const CArg* arg;
    int code;
    const char* what;  // the message after "<category>: "
};

/// A string field: a NUL fails it with its own category.
inline NulCause nulIn(const CArg* arg, int code) { return NulCause{arg, code, "contains a NUL character"}; }

/// A token: its NUL is a base64 failure once the version and app id passed.
inline NulCause nulInToken(const CArg& arg) {
    return NulCause{&arg, AGORA_TOKEN_ERR_BASE64, "the token contains a NUL character"};
}

/// As check(status), saying so when the failure is a NUL passed as 0xFF.
inline bool check(int status, std::initializer_list<NulCause> causes) {
    if (status == AGORA_TOKEN_OK) return true;
    for (const NulCause& c : causes)
        if (c.arg && c.arg->hadNul() && c.code == status)
            return fail(status, std::string(agora_token_error_name(status)) + ": " + c.what);
    return check(status);
}

/// Takes ownership of a library string.
inline std::string takeString(char* s) {
    std::unique_ptr<char, void (*)(char*)> owned(s, agora_token_string_free);
    return owned ? std::string(owned.get()) : std::string();
}

/// The stack buffer of a build: every RTC helper token, and every token of a
/// builder whose privileges are the documented ones, fits (at most 220 bytes
/// with the NUL).
constexpr size_t kTokenBufferSize = 256;

/// Builds a token with `into(buf, buf_len, &len)` (an `_into` C function)
/// into a stack buffer; a token too long for it (a builder initialized from a
/// token with more privileges) is built again with `alloc(&token)`, the
/// allocating C function. "" on failure, recorded as check(status, causes).
template <typename Into, typename Alloc>
std::string buildToken(Into into, Alloc alloc, std::initializer_list<NulCause> causes = {}) {
    char buf[kTokenBufferSize];
    size_t len = 0;
    const int status = into(buf, sizeof buf, &len);
    if (status == AGORA_TOKEN_OK) return std::string(buf, len);
    if (status == AGORA_TOKEN_ERR_BUFFER_TOO_SMALL) {
        char* token = nullptr;
        if (check(alloc(&token), causes)) return takeString(token);
        return std::string();
    }
    check(status, causes);
    return std::string();
}

struct BuilderDeleter {
    void operator()(agora_token_builder* b) const noexcept { agora_token_builder_free(b); }
};

struct InfoDeleter {
    void operator()(agora_token_info* i) const noexcept { agora_token_info_free(i); }
};

}  // namespace detail

/// This thread's last failure message ("" if none).
inline std::string lastError() { return detail::lastErrorSlot().message; }

/// This thread's last failure code (an agora_token_status; 0 if none).
inline int lastErrorCode() { return detail::lastErrorSlot().code; }

/// The category name of a status: "channel_name" for AGORA_TOKEN_ERR_CHANNEL_NAME,
/// "ok" for 0, "unknown" otherwise.
inline std::string errorName(int status) { return agora_token_error_name(status); }

/// The name of a verify result: "ok", "channel_mismatch", ...
inline std::string verifyResultName(VerifyResult result) {
    return agora_token_verify_result_name(static_cast<int>(result));
}

/// The library version (the workspace version, e.g. "0.1.0").
inline std::string version() { return agora_token_version(); }

/// Builds AccessToken 006 tokens for one app, channel and user. Move-only;
/// owns its native handle. Without setSalt every token draws a fresh CSPRNG
/// salt; without setTs every token expires 24 h after it is built.
///
/// A constructor that fails (invalid input) or the default constructor leaves
/// an invalid builder (valid() is false, lastError() says why): its methods
/// then fail with the construction's error.
class SimpleTokenBuilder {
public:
    /// An invalid builder (as the reference's default constructor).
    SimpleTokenBuilder()
        : status_(AGORA_TOKEN_ERR_NULL_ARGUMENT),
          error_("null_argument: a default-constructed SimpleTokenBuilder has no app id, certificate or channel") {}

    /// A builder for a numeric uid (0 = any user, signed as the empty string).
    SimpleTokenBuilder(const std::string& appId, const std::string& appCertificate,
                       const std::string& channelName, uint32_t uid = 0) {
        const detail::CArg id(appId), cert(appCertificate), channel(channelName);
        agora_token_builder* raw = nullptr;
        const int status = agora_token_builder_new_uid(id.get(), cert.get(), channel.get(), uid, &raw);
        create(detail::check(status, {detail::nulIn(&id, AGORA_TOKEN_ERR_APP_ID),
                                      detail::nulIn(&cert, AGORA_TOKEN_ERR_APP_CERTIFICATE),
                                      detail::nulIn(&channel, AGORA_TOKEN_ERR_CHANNEL_NAME)}),
               raw);
    }

    /// A builder for a user account (a string uid, used as it is).
    SimpleTokenBuilder(const std::string& appId, const std::string& appCertificate,
                       const std::string& channelName, const std::string& userAccount) {
        const detail::CArg id(appId), cert(appCertificate), channel(channelName), account(userAccount);
        agora_token_builder* raw = nullptr;
        const int status =
            agora_token_builder_new_user_account(id.get(), cert.get(), channel.get(), account.get(), &raw);
        create(detail::check(status, {detail::nulIn(&id, AGORA_TOKEN_ERR_APP_ID),
                                      detail::nulIn(&cert, AGORA_TOKEN_ERR_APP_CERTIFICATE),
                                      detail::nulIn(&channel, AGORA_TOKEN_ERR_CHANNEL_NAME),
                                      detail::nulIn(&account, AGORA_TOKEN_ERR_USER_ACCOUNT)}),
               raw);
    }

    SimpleTokenBuilder(const SimpleTokenBuilder&) = delete;
    SimpleTokenBuilder& operator=(const SimpleTokenBuilder&) = delete;

    SimpleTokenBuilder(SimpleTokenBuilder&& other) noexcept
        : handle_(std::move(other.handle_)),
          status_(other.status_),
          error_(std::move(other.error_)),
          movedFrom_(other.movedFrom_) {
        other.markMovedFrom();
    }

    SimpleTokenBuilder& operator=(SimpleTokenBuilder&& other) noexcept {
        if (this != &other) {
            handle_ = std::move(other.handle_);
            status_ = other.status_;
            error_ = std::move(other.error_);
            movedFrom_ = other.movedFrom_;
            other.markMovedFrom();
        }
        return *this;
    }

    ~SimpleTokenBuilder() = default;

    /// True when the builder holds a native handle (construction succeeded).
    bool valid() const noexcept { return handle_ != nullptr; }
    explicit operator bool() const noexcept { return valid(); }

    /// Takes salt, ts and privileges from an existing token of the same app,
    /// channel and user. False (builder unchanged) on a malformed token or one
    /// of another app, channel or user.
    bool initTokenBuilder(const std::string& originToken) {
        if (!ready()) return false;
        const detail::CArg token(originToken);
        return detail::check(agora_token_builder_init_token_builder(handle_.get(), token.get()),
                             {detail::nulInToken(token)});
    }

    /// Replaces the privileges with the role's, each never expiring.
    bool initPrivileges(Role role) {
        return ready() && detail::check(agora_token_builder_init_privileges(handle_.get(), role));
    }

    /// Grants a privilege until expireTimestamp (Unix seconds; 0 = never).
    bool setPrivilege(Privileges privilege, uint32_t expireTimestamp = 0) {
        return ready() &&
               detail::check(agora_token_builder_set_privilege(handle_.get(), privilege, expireTimestamp));
    }

    /// Removes a privilege (no-op when absent).
    bool removePrivilege(Privileges privilege) {
        return ready() && detail::check(agora_token_builder_remove_privilege(handle_.get(), privilege));
    }

    /// Fixes the salt of every token built from now on (reproducible tokens).
    bool setSalt(uint32_t salt) { return ready() && detail::check(agora_token_builder_set_salt(handle_.get(), salt)); }

    /// Back to a fresh CSPRNG salt per token.
    bool clearSalt() { return ready() && detail::check(agora_token_builder_clear_salt(handle_.get())); }

    /// The fixed salt, or nullopt when every token draws its own (or on failure).
    std::optional<uint32_t> salt() const { return getU32(agora_token_builder_get_salt); }

    /// Fixes the expiry (Unix seconds) of every token built from now on.
    bool setTs(uint32_t ts) { return ready() && detail::check(agora_token_builder_set_ts(handle_.get(), ts)); }

    /// Back to "now + 24 h" at each build.
    bool clearTs() { return ready() && detail::check(agora_token_builder_clear_ts(handle_.get())); }

    /// The fixed expiry, or nullopt for "now + 24 h at each build" (or on failure).
    std::optional<uint32_t> ts() const { return getU32(agora_token_builder_get_ts); }

    /// Builds a token; "" on failure, the reason in lastError().
    std::string buildToken() const {
        if (!ready()) return std::string();
        agora_token_builder* const h = handle_.get();
        return detail::buildToken(
            [h](char* buf, size_t len, size_t* out) { return agora_token_builder_build_token_into(h, buf, len, out); },
            [h](char** token) { return agora_token_builder_build_token(h, token); });
    }

    /// The reference's static helpers on SimpleTokenBuilder: RtcTokenBuilder's.
    static std::string buildTokenWithUid(const std::string& appId, const std::string& appCertificate,
                                         const std::string& channelName, uint32_t uid, UserRole role,
                                         uint32_t privilegeExpiredTs = 0);
    static std::string buildTokenWithUserAccount(const std::string& appId, const std::string& appCertificate,
                                                 const std::string& channelName, const std::string& userAccount,
                                                 UserRole role, uint32_t privilegeExpiredTs = 0);

    /// The native handle, still owned by this object (NULL when invalid).
    agora_token_builder* native() const noexcept { return handle_.get(); }

private:
    std::unique_ptr<agora_token_builder, detail::BuilderDeleter> handle_;
    int status_ = AGORA_TOKEN_OK;
    std::string error_;
    bool movedFrom_ = false;  // the message is built when asked for: a move never allocates

    void keepFailure() {
        status_ = lastErrorCode();
        error_ = lastError();
    }

    /// `ok`: the C call's status passed detail::check (which recorded any failure).
    void create(bool ok, agora_token_builder* raw) {
        if (ok) {
            handle_.reset(raw);
            status_ = AGORA_TOKEN_OK;
            error_.clear();
        } else {
            keepFailure();
        }
    }

    void markMovedFrom() noexcept {
        status_ = AGORA_TOKEN_ERR_NULL_ARGUMENT;
        error_.clear();
        movedFrom_ = true;
    }

    /// A valid builder, or a failure that repeats why it is not.
    bool ready() const {
        if (handle_) return true;
        if (movedFrom_) {
            return detail::fail(AGORA_TOKEN_ERR_NULL_ARGUMENT, "null_argument: this SimpleTokenBuilder was moved from");
        }
        return detail::fail(status_ == AGORA_TOKEN_OK ? AGORA_TOKEN_ERR_NULL_ARGUMENT : status_, error_);
    }

    template <typename Getter>
    std::optional<uint32_t> getU32(Getter getter) const {
        if (!ready()) return std::nullopt;
        int64_t value = -1;
        if (!detail::check(getter(handle_.get(), &value)) || value < 0) return std::nullopt;
        return static_cast<uint32_t>(value);
    }
};

/// RTC tokens for a role (random salt, expiry now + 24 h).
class RtcTokenBuilder {
public:
    /// A token for a numeric uid with the role's privileges, each expiring at
    /// privilegeExpiredTs (0 = never). "" on failure, the reason in lastError().
    static std::string buildTokenWithUid(const std::string& appId, const std::string& appCertificate,
                                         const std::string& channelName, uint32_t uid, UserRole role,
                                         uint32_t privilegeExpiredTs = 0) {
        const detail::CArg id(appId), cert(appCertificate), channel(channelName);
        return detail::buildToken(
            [&](char* buf, size_t len, size_t* out) {
                return agora_rtc_token_builder_build_token_with_uid_into(id.get(), cert.get(), channel.get(), uid, role,
                                                                         privilegeExpiredTs, buf, len, out);
            },
            [&](char** token) {
                return agora_rtc_token_builder_build_token_with_uid(id.get(), cert.get(), channel.get(), uid, role,
                                                                    privilegeExpiredTs, token);
            },
            {detail::nulIn(&id, AGORA_TOKEN_ERR_APP_ID), detail::nulIn(&cert, AGORA_TOKEN_ERR_APP_CERTIFICATE),
             detail::nulIn(&channel, AGORA_TOKEN_ERR_CHANNEL_NAME)});
    }

    /// As buildTokenWithUid, for a user account.
    static std::string buildTokenWithUserAccount(const std::string& appId, const std::string& appCertificate,
                                                 const std::string& channelName, const std::string& userAccount,
                                                 UserRole role, uint32_t privilegeExpiredTs = 0) {
        const detail::CArg id(appId), cert(appCertificate), channel(channelName), account(userAccount);
        return detail::buildToken(
            [&](char* buf, size_t len, size_t* out) {
                return agora_rtc_token_builder_build_token_with_user_account_into(
                    id.get(), cert.get(), channel.get(), account.get(), role, privilegeExpiredTs, buf, len, out);
            },
            [&](char** token) {
                return agora_rtc_token_builder_build_token_with_user_account(
                    id.get(), cert.get(), channel.get(), account.get(), role, privilegeExpiredTs, token);
            },
            {detail::nulIn(&id, AGORA_TOKEN_ERR_APP_ID), detail::nulIn(&cert, AGORA_TOKEN_ERR_APP_CERTIFICATE),
             detail::nulIn(&channel, AGORA_TOKEN_ERR_CHANNEL_NAME),
             detail::nulIn(&account, AGORA_TOKEN_ERR_USER_ACCOUNT)});
    }
};

inline std::string SimpleTokenBuilder::buildTokenWithUid(const std::string& appId, const std::string& appCertificate,
                                                         const std::string& channelName, uint32_t uid, UserRole role,
                                                         uint32_t privilegeExpiredTs) {
    return RtcTokenBuilder::buildTokenWithUid(appId, appCertificate, channelName, uid, role, privilegeExpiredTs);
}

inline std::string SimpleTokenBuilder::buildTokenWithUserAccount(const std::string& appId,
                                                                 const std::string& appCertificate,
                                                                 const std::string& channelName,
                                                                 const std::string& userAccount, UserRole role,
                                                                 uint32_t privilegeExpiredTs) {
    return RtcTokenBuilder::buildTokenWithUserAccount(appId, appCertificate, channelName, userAccount, role,
                                                      privilegeExpiredTs);
}

/// RTM login tokens.
class RtmTokenBuilder {
public:
    /// An RTM token for a user account; "" on failure, the reason in lastError().
    static std::string buildToken(const std::string& appId, const std::string& appCertificate,
                                  const std::string& userAccount, RtmUserRole userRole,
                                  uint32_t privilegeExpiredTs = 0) {
        const detail::CArg id(appId), cert(appCertificate), account(userAccount);
        char* token = nullptr;
        if (!detail::check(agora_rtm_token_builder_build_token(id.get(), cert.get(), account.get(), userRole,
                                                               privilegeExpiredTs, &token),
                           {detail::nulIn(&id, AGORA_TOKEN_ERR_APP_ID),
                            detail::nulIn(&cert, AGORA_TOKEN_ERR_APP_CERTIFICATE),
                            detail::nulIn(&account, AGORA_TOKEN_ERR_USER_ACCOUNT)}))
            return std::string();
        return detail::takeString(token);
    }
};

/// One privilege of a parsed token.
struct TokenPrivilege {
    uint16_t id;
    uint32_t expireTs;  // 0 = never
    bool operator==(const TokenPrivilege& o) const { return id == o.id && expireTs == o.expireTs; }
};

/// Every field of a parsed token.
struct TokenInfo {
    std::string appId;
    std::vector<uint8_t> signature;
    uint32_t crcChannelName = 0;
    uint32_t crcUid = 0;
    uint32_t salt = 0;
    uint32_t ts = 0;
    std::vector<TokenPrivilege> privileges;  // sorted by id

    /// The signature as lowercase hex.
    std::string signatureHex() const {
        static const char digits[] = "0123456789abcdef";
        std::string hex;
        hex.reserve(signature.size() * 2);
        for (uint8_t b : signature) {
            hex.push_back(digits[b >> 4]);
            hex.push_back(digits[b & 15]);
        }
        return hex;
    }

    /// The expiry of a privilege, or nullopt when the token lacks it.
    std::optional<uint32_t> privilege(Privileges p) const {
        for (const TokenPrivilege& tp : privileges)
            if (tp.id == p) return tp.expireTs;
        return std::nullopt;
    }
};

/// Parses a 006 token strictly; nullopt on failure (version, app_id, base64,
/// truncated, trailing), the reason in lastError().
inline std::optional<TokenInfo> parse(const std::string& token) {
    const detail::CArg arg(token);
    agora_token_info* raw = nullptr;
    if (!detail::check(agora_token_parse(arg.get(), &raw), {detail::nulInToken(arg)})) return std::nullopt;
    std::unique_ptr<agora_token_info, detail::InfoDeleter> info(raw);
    TokenInfo out;
    out.appId = info->app_id;
    if (info->signature_len > 0) out.signature.assign(info->signature, info->signature + info->signature_len);
    out.crcChannelName = info->crc_channel_name;
    out.crcUid = info->crc_uid;
    out.salt = info->salt;
    out.ts = info->ts;
    out.privileges.reserve(info->privilege_count);
    for (size_t i = 0; i < info->privilege_count; ++i)
        out.privileges.push_back(TokenPrivilege{info->privileges[i].id, info->privileges[i].expire_ts});
    return out;
}

namespace detail {
/// `call(token, appId or NULL, certificate, channel, result_out)` runs the C verify function.
template <typename Call>
std::optional<VerifyResult> verifyWith(const std::string& token, const std::optional<std::string>& appId,
                                       const std::string& appCertificate, const std::string& channelName,
                                       std::optional<NulCause> userCause, Call call) {
    const CArg t(token), cert(appCertificate), channel(channelName);
    std::optional<CArg> id;
    if (appId) id.emplace(*appId);
    int result = -1;
    const int status = call(t.get(), id ? id->get() : nullptr, cert.get(), channel.get(), &result);
    if (!check(status, {nulInToken(t), nulIn(id ? &*id : nullptr, AGORA_TOKEN_ERR_APP_ID),
                        nulIn(&cert, AGORA_TOKEN_ERR_APP_CERTIFICATE), nulIn(&channel, AGORA_TOKEN_ERR_CHANNEL_NAME),
                        userCause.value_or(NulCause{nullptr, 0, ""})}))
        return std::nullopt;
    return static_cast<VerifyResult>(result);
}
}  // namespace detail

/// Verifies a token for a channel and numeric uid at `now` (Unix seconds):
/// VerifyResult::Ok or the first failing check. nullopt when the token or
/// the certificate is malformed, or a string is not UTF-8 or holds a NUL (the
/// reason in lastError()). Without appId the app id is not checked.
inline std::optional<VerifyResult> verify(const std::string& token, const std::string& appCertificate,
                                          const std::string& channelName, uint32_t uid, uint32_t now,
                                          const std::optional<std::string>& appId = std::nullopt) {
    return detail::verifyWith(token, appId, appCertificate, channelName, std::nullopt,
                              [&](const char* t, const char* id, const char* cert, const char* channel, int* out) {
                                  return agora_token_verify(t, id, cert, channel, uid, now, out);
                              });
}

/// As verify(), for a user account.
inline std::optional<VerifyResult> verifyUserAccount(const std::string& token, const std::string& appCertificate,
                                                     const std::string& channelName,
                                                     const std::string& userAccount, uint32_t now,
                                                     const std::optional<std::string>& appId = std::nullopt) {
    const detail::CArg account(userAccount);
    return detail::verifyWith(
        token, appId, appCertificate, channelName, detail::nulIn(&account, AGORA_TOKEN_ERR_USER_ACCOUNT),
        [&](const char* t, const char* id, const char* cert, const char* channel, int* out) {
            return agora_token_verify_user_account(t, id, cert, channel, account.get(), now, out);
        });
}

}  // namespace tools
}  // namespace agora

#endif  // AGORA_TOKEN_HPP
