// agora_token.hpp: the C++ API of libagoratoken (AccessToken2 "007" and
// AccessToken "006"), header-only over the C ABI of agora_token.h. Link with
// -lagoratoken (or libagoratoken.a). It also holds Agora's reference classes
// (AccessToken, AccessToken2, ServiceRtc, ...) with their members; the
// headers include/agoratoken/<Agora's header name>.h include this one.
//
//   std::string t = agora::tools::RtcTokenBuilder2::BuildTokenWithUid(appId, appCertificate, "room-1",
//       2882341273u, agora::tools::UserRole::kRolePublisher, 600, 600);   // "" on failure
//
//   agora::tools::SimpleTokenBuilder b(appId, appCertificate, "room-1", 2882341273u);   // 006
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

// Agora's own C++ builders compile as C++11; this header needs C++17
// (std::optional): say so rather than fail on its first use.
#if defined(_MSVC_LANG) ? (_MSVC_LANG < 201703L) : (__cplusplus < 201703L)
#error "agora_token.hpp (and <agoratoken/*.h>) needs C++17: compile with -std=c++17 (CMake: set(CMAKE_CXX_STANDARD 17))"
#endif

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <initializer_list>
#include <map>
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

/// The privileges are also spelled as the reference spells them, in its
/// class: `AccessToken::Privileges::kJoinChannel` and `AccessToken::kJoinChannel`
/// (class AccessToken, the reference's 006 token, below).

/// RTC roles. 006: Attendee, Publisher and Admin get JoinChannel and
/// Publish{Audio,Video,Data}Stream; Subscriber gets JoinChannel only. 007
/// (RtcTokenBuilder2, which spells them UserRole::kRolePublisher and
/// UserRole::kRoleSubscriber): the same for Publisher and Subscriber; other
/// values are refused (AGORA_TOKEN_ERR_ROLE).
enum Role : int {
    Role_Attendee = AGORA_TOKEN_ROLE_ATTENDEE,
    Role_Publisher = AGORA_TOKEN_ROLE_PUBLISHER,
    Role_Subscriber = AGORA_TOKEN_ROLE_SUBSCRIBER,
    Role_Admin = AGORA_TOKEN_ROLE_ADMIN,
    kRolePublisher = AGORA_TOKEN2_ROLE_PUBLISHER,
    kRoleSubscriber = AGORA_TOKEN2_ROLE_SUBSCRIBER,
};
/// RtcTokenBuilder's and RtcTokenBuilder2's name for the same roles.
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
    ServiceMissing = AGORA_TOKEN_VERIFY_SERVICE_MISSING,  // 007 with an RTC check: no RTC service
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

/// Records the failure of a sized call from its error object.
inline bool failWith(int status, const agora_token_error& e) {
    return fail(status, std::string(e.message, e.len));
}

/// Runs a sized call `call(out, cap, &len, &error)` (a token, a 006 message,
/// a packed service: binary bytes, no NUL) into a stack buffer; output too
/// long for it is written again into a string of the size it asked for. ""
/// on failure, recorded with failWith.
template <typename Call>
std::string sizedBytes(Call call) {
    std::array<char, 1024> buf;
    size_t len = 0;
    agora_token_error e;
    int status = call(buf.data(), buf.size(), &len, &e);
    if (status == AGORA_TOKEN_OK) return std::string(buf.data(), len);
    // A build retried draws a new salt and time, which can take a few bytes more.
    for (int tries = 0; status == AGORA_TOKEN_ERR_BUFFER_TOO_SMALL && tries < 3; ++tries) {
        std::string big(e.needed + 64, '\0');
        status = call(&big[0], big.size(), &len, &e);
        if (status == AGORA_TOKEN_OK) {
            big.resize(len);
            return big;
        }
    }
    failWith(status, e);
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

// ===========================================================================
// The reference's AccessToken (006): Agora's C++ class (AccessToken.h) with
// its members, thin over SimpleTokenBuilder and parse(): the checks, the
// packing and the signature are the library's.

/// Agora's 006 AccessToken class (AccessToken.h) with its members: the
/// fields are public and Build() / FromString() read and write them.
///
/// Build() hands the fields to a SimpleTokenBuilder: the library checks them
/// (app id, certificate, channel name, uid, privilege ids), packs and signs.
/// It returns "" where the reference builds a token Agora rejects (the
/// reason in lastError()). message_.salt and message_.ts 0 mean "not set":
/// Build() then uses the library's defaults (a fresh CSPRNG salt; ts = now +
/// 24 h, Unix seconds) and writes the values it used back, so that a second
/// Build() gives the same token, as the reference's does. After Build() or
/// FromString(), signature_ (32 raw bytes), crc_channel_name_, crc_uid_ and
/// message_raw_content_ are the token's.
class AccessToken {
public:
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

    /// Privilege id -> expiry (Unix seconds; 0 = never).
    typedef std::map<uint16_t, uint32_t> PrivilegeMessageMap;

    /// The signed message: salt, token expiry (Unix seconds) and privileges.
    struct PrivilegeMessage {
        uint32_t salt = 0;  // 0: not set (Build draws one)
        uint32_t ts = 0;    // 0: not set (Build uses now + 24 h)
        PrivilegeMessageMap messages;
    };

    /// "006".
    static std::string Version() { return "006"; }

    /// The 006 signature (32 raw bytes) of appID + channelName + uid +
    /// message under appCertificate (HMAC-SHA256), as the reference
    /// computes it: any message bytes are signed, and channelName and uid
    /// as given (uid: "" for uid 0, the decimal uid, or the account). A
    /// token built from these holds it in signature_. "" when the library
    /// refuses the app id or the certificate, or a channelName or uid that
    /// is not UTF-8 (channel_name, user_account; the reason in lastError()).
    static std::string GenerateSignature(const std::string& appCertificate, const std::string& appID,
                                         const std::string& channelName, const std::string& uid,
                                         const std::string& message) {
        uint8_t signature[32];
        agora_token_error e;
        const int status = agora_token006_sign_message(
            appCertificate.data(), appCertificate.size(), appID.data(), appID.size(), channelName.data(),
            channelName.size(), uid.data(), uid.size(), reinterpret_cast<const uint8_t*>(message.data()),
            message.size(), &signature, &e);
        if (status != AGORA_TOKEN_OK) {
            detail::failWith(status, e);
            return std::string();
        }
        return std::string(reinterpret_cast<const char*>(signature), sizeof signature);
    }

    /// An empty token, for FromString().
    AccessToken() = default;

    /// A token for a numeric uid (0: any user, signed as the empty string).
    AccessToken(const std::string& appId, const std::string& appCertificate, const std::string& channelName,
                uint32_t uid = 0)
        : app_id_(appId), app_cert_(appCertificate), channel_name_(channelName),
          uid_(uid == 0 ? std::string() : std::to_string(uid)) {}

    /// A token for a user account (the uid string, signed as it is).
    AccessToken(const std::string& appId, const std::string& appCertificate, const std::string& channelName,
                const std::string& uid)
        : app_id_(appId), app_cert_(appCertificate), channel_name_(channelName), uid_(uid) {}

    /// message_.ts = now + seconds (Unix seconds).
    void SetTokenExpiredTs(uint32_t seconds) {
        message_.ts = static_cast<uint32_t>(std::time(nullptr)) + seconds;
    }

    /// Grants a privilege until expireTimestamp (Unix seconds; 0 = never).
    void AddPrivilege(Privileges privilege, uint32_t expireTimestamp = 0) {
        message_.messages[privilege] = expireTimestamp;
    }

    /// Builds the token; "" on failure, the reason in lastError().
    std::string Build() {
        SimpleTokenBuilder b = uid_.empty() ? SimpleTokenBuilder(app_id_, app_cert_, channel_name_, 0u)
                                            : SimpleTokenBuilder(app_id_, app_cert_, channel_name_, uid_);
        if (!b) return std::string();
        if (message_.salt != 0 && !b.setSalt(message_.salt)) return std::string();
        if (message_.ts != 0 && !b.setTs(message_.ts)) return std::string();
        for (const auto& m : message_.messages)
            if (!b.setPrivilege(static_cast<Privileges>(m.first), m.second)) return std::string();
        std::string token = b.buildToken();
        if (token.empty()) return token;
        const std::optional<TokenInfo> info = parse(token);
        if (!info) return std::string();
        std::string message = messageOf(token);
        if (message.empty()) return message;
        readBack(*info, std::move(message));
        return token;
    }

    /// Reads a 006 token into app_id_, signature_, crc_channel_name_,
    /// crc_uid_, message_raw_content_ and message_ (channel name, uid and
    /// certificate are not in a token and stay as they are). False on a
    /// malformed token (the reason in lastError()), the fields unchanged.
    bool FromString(const std::string& channelKeyString) {
        const std::optional<TokenInfo> info = parse(channelKeyString);
        if (!info) return false;
        std::string message = messageOf(channelKeyString);
        if (message.empty()) return false;
        app_id_ = info->appId;
        readBack(*info, std::move(message));
        return true;
    }

    std::string app_id_;
    std::string app_cert_;
    std::string channel_name_;
    std::string uid_;
    std::string signature_;
    PrivilegeMessage message_;
    std::string message_raw_content_;
    uint32_t crc_channel_name_ = 0;
    uint32_t crc_uid_ = 0;

private:
    /// The message bytes of a token (never empty: at least salt, ts and a
    /// count); "" on failure, recorded.
    static std::string messageOf(const std::string& token) {
        return detail::sizedBytes([&](char* out, size_t cap, size_t* len, agora_token_error* e) {
            return agora_token006_message(token.data(), token.size(), out, cap, len, e);
        });
    }

    void readBack(const TokenInfo& info, std::string message) {
        signature_.assign(info.signature.begin(), info.signature.end());
        crc_channel_name_ = info.crcChannelName;
        crc_uid_ = info.crcUid;
        message_.salt = info.salt;
        message_.ts = info.ts;
        message_.messages.clear();
        for (const TokenPrivilege& p : info.privileges) message_.messages[p.id] = p.expireTs;
        message_raw_content_ = std::move(message);
    }
};

// ===========================================================================
// AccessToken2 ("007"). Every reference builder below is one call of the
// library's generic entry (agora_token2_build) under its builder id: role
// tables, defaults and checks live in token-core. Failures return "" (or
// false / std::nullopt) with the reason in lastError(), as for 006.

namespace detail {

inline agora_token_str view(const std::string& s) noexcept { return agora_token_str{s.data(), s.size()}; }

/// Test hook (ScopedPin): issue_ts and salt for this thread's builds.
struct Pin2 {
    bool active = false;
    uint32_t issueTs = 0, salt = 0;
};

inline Pin2& pinSlot() {
    thread_local Pin2 pin;
    return pin;
}

/// RTM2 grants as the C structs that point into them (kept alive together).
struct Grants {
    std::vector<agora_token2_permission> grants;
    std::vector<std::vector<agora_token_str>> resources;
};

/// One call of a reference builder: `strs` and `ints` in parameter order.
inline std::string build2(agora_token2_builder_id id, const std::string& appId, const std::string& appCertificate,
                          std::initializer_list<const std::string*> strs, std::initializer_list<int64_t> ints,
                          const Grants* grants = nullptr) {
    std::array<agora_token_str, 4> s{};
    std::array<int64_t, 10> n{};
    agora_token2_args args{};
    for (const std::string* x : strs) s[args.str_count++] = view(*x);
    for (int64_t x : ints) n[args.int_count++] = x;
    args.strs = s.data();
    args.ints = n.data();
    if (grants) {
        args.permissions = grants->grants.data();
        args.permission_count = grants->grants.size();
    }
    const Pin2& pin = pinSlot();
    args.has_issue_ts = args.has_salt = pin.active ? 1 : 0;
    args.issue_ts = pin.issueTs;
    args.salt = pin.salt;
    return sizedBytes([&](char* out, size_t cap, size_t* len, agora_token_error* e) {
        return agora_token2_build(static_cast<uint32_t>(id), appId.data(), appId.size(), appCertificate.data(),
                                  appCertificate.size(), &args, out, cap, len, e);
    });
}

struct Info2Deleter {
    void operator()(agora_token2_info* i) const noexcept { agora_token2_info_free(i); }
};

inline std::string copy(agora_token_str s) { return s.ptr ? std::string(s.ptr, s.len) : std::string(); }

}  // namespace detail

/// Test hook: pins issue_ts and salt of every 007 token this thread builds
/// through the named builders while it lives (reproducible tokens for tests
/// and the conformance vectors).
class ScopedPin {
public:
    ScopedPin(uint32_t issueTs, uint32_t salt) : saved_(detail::pinSlot()) {
        detail::pinSlot() = detail::Pin2{true, issueTs, salt};
    }
    ~ScopedPin() { detail::pinSlot() = saved_; }
    ScopedPin(const ScopedPin&) = delete;
    ScopedPin& operator=(const ScopedPin&) = delete;

private:
    detail::Pin2 saved_;
};

/// The 007 token as plain data: the strict form (every value wide, so that
/// one out of range is refused with its category; FromString reads
/// strictly, as the conformance vectors require). The reference's classes
/// (AccessToken2, ServiceRtc, ... below) build and read through it.
namespace data {

/// One service as data: its type, its privileges and the fields of its type.
/// Privilege values are seconds after issue_ts (0: no limit of its own).
struct Service {
    struct Grant {
        int64_t resourceType = 0;
        int64_t permissionType = 0;
        std::vector<std::string> resources;
    };
    int64_t type = 0;
    std::vector<std::pair<int64_t, int64_t>> privileges;  // in the order added; an id given twice is refused
    std::optional<std::string> channelName;                // RTC, Streaming, FCDN
    std::optional<int64_t> uid;                            //   a numeric uid (0: any user), or else
    std::optional<std::string> userAccount;                //   an account (parsed: the packed user string)
    std::optional<std::string> userId;                     // RTM, Chat, RTM2
    std::optional<std::string> roomUuid, userUuid;         // APaaS
    std::optional<int64_t> role;                           // APaaS
    std::vector<Grant> permissions;                        // RTM2

    Service() = default;
    explicit Service(int64_t serviceType) : type(serviceType) {}

    void AddPrivilege(int64_t privilege, int64_t expire) { privileges.emplace_back(privilege, expire); }
    /// The value of a privilege, if the service has it.
    std::optional<int64_t> privilege(int64_t id) const {
        for (const auto& p : privileges)
            if (p.first == id) return p.second;
        return std::nullopt;
    }
    int64_t ServiceType() const { return type; }
};

/// A service of a type outside 1..10 (0 or 11..65535): packed as the
/// reference packs its base Service (the type, then the privileges).
struct OtherService {
    int64_t type = 0;
    std::vector<std::pair<int64_t, int64_t>> privileges;
};

}  // namespace data

namespace detail {
inline Grants grantsOf(const std::vector<data::Service::Grant>& in) {
    Grants g;
    g.resources.reserve(in.size());
    for (const data::Service::Grant& x : in) {
        std::vector<agora_token_str> r;
        r.reserve(x.resources.size());
        for (const std::string& s : x.resources) r.push_back(view(s));
        g.resources.push_back(std::move(r));
        g.grants.push_back(agora_token2_permission{x.resourceType, x.permissionType, g.resources.back().data(),
                                                   g.resources.back().size()});
    }
    return g;
}

inline agora_token_str optView(const std::optional<std::string>& s) {
    return s ? view(*s) : agora_token_str{nullptr, 0};
}

inline data::Service serviceOf(const agora_token2_service& c) {
    data::Service s(c.service_type);
    for (size_t i = 0; i < c.privilege_count; ++i) s.AddPrivilege(c.privileges[i].id, c.privileges[i].expire);
    if (c.channel_name.ptr) s.channelName = copy(c.channel_name);
    if (c.user_account.ptr) s.userAccount = copy(c.user_account);
    if (c.user_id.ptr) s.userId = copy(c.user_id);
    if (c.room_uuid.ptr) s.roomUuid = copy(c.room_uuid);
    if (c.user_uuid.ptr) s.userUuid = copy(c.user_uuid);
    if (c.has_role) s.role = c.role;
    for (size_t i = 0; i < c.permission_count; ++i) {
        const agora_token2_permission& g = c.permissions[i];
        data::Service::Grant grant{g.resource_type, g.permission_type, {}};
        for (size_t j = 0; j < g.resource_count; ++j) grant.resources.push_back(copy(g.resources[j]));
        s.permissions.push_back(std::move(grant));
    }
    return s;
}

/// The arrays a C service points into: keep them alive while it is used
/// (moving them keeps the arrays where they are).
struct ServiceArrays {
    std::vector<agora_token2_privilege> privileges;
    Grants grants;
};

inline std::vector<agora_token2_privilege> cPrivileges(const std::vector<std::pair<int64_t, int64_t>>& in) {
    std::vector<agora_token2_privilege> out;
    out.reserve(in.size());
    for (const auto& p : in) out.push_back(agora_token2_privilege{p.first, p.second});
    return out;
}

/// A service as the C struct; it points into `s` and into `arrays`, filled here.
inline agora_token2_service cServiceOf(const data::Service& s, ServiceArrays& arrays) {
    arrays.privileges = cPrivileges(s.privileges);
    arrays.grants = grantsOf(s.permissions);
    agora_token2_service c{};
    c.service_type = s.type;
    c.privileges = arrays.privileges.data();
    c.privilege_count = arrays.privileges.size();
    c.channel_name = optView(s.channelName);
    c.has_uid = s.uid ? 1 : 0;
    c.uid = s.uid.value_or(0);
    c.user_account = optView(s.userAccount);
    c.user_id = optView(s.userId);
    c.room_uuid = optView(s.roomUuid);
    c.user_uuid = optView(s.userUuid);
    c.has_role = s.role ? 1 : 0;
    c.role = s.role.value_or(0);
    c.permissions = arrays.grants.grants.data();
    c.permission_count = arrays.grants.grants.size();
    return c;
}

/// A service of another type as the C struct; it points into `arrays`, filled here.
inline agora_token2_other_service cOtherServiceOf(const data::OtherService& s, ServiceArrays& arrays) {
    arrays.privileges = cPrivileges(s.privileges);
    agora_token2_other_service c{};
    c.service_type = s.type;
    c.privileges = arrays.privileges.data();
    c.privilege_count = arrays.privileges.size();
    return c;
}
}  // namespace detail

namespace data {

/// An AccessToken2 described as data: app id, certificate, issue_ts (unset:
/// now at Build), expire (seconds after issue_ts), salt (unset: a fresh
/// CSPRNG salt at Build), services (types 1..10) and other services.
class AccessToken2 {
public:
    /// issue_ts 0 means "now at each Build".
    explicit AccessToken2(const std::string& app_id = "", const std::string& app_certificate = "",
                          uint32_t issue_ts = 0, uint32_t expire = 900)
        : appId_(app_id), appCertificate_(app_certificate), expire_(expire) {
        if (issue_ts != 0) issueTs_ = issue_ts;
    }

    static std::string Version() { return "007"; }

    /// Adds a service of type 1..10 (several of one type keep their order).
    void AddService(const Service& service) { services_.push_back(service); }
    /// Adds a service of type 0 or 11..65535 (a known type there is refused, `service`).
    void AddOtherService(const OtherService& service) { otherServices_.push_back(service); }

    /// Fix or read the fields (wide: out-of-range values are refused at Build).
    void SetIssueTs(int64_t issueTs) { issueTs_ = issueTs; }
    void SetSalt(int64_t salt) { salt_ = salt; }
    void SetExpire(int64_t expire) { expire_ = expire; }
    void SetAppCertificate(const std::string& appCertificate) { appCertificate_ = appCertificate; }
    std::optional<int64_t> IssueTs() const { return issueTs_; }
    std::optional<int64_t> Salt() const { return salt_; }
    int64_t Expire() const { return expire_; }
    const std::string& AppId() const { return appId_; }
    const std::vector<Service>& Services() const { return services_; }
    const std::vector<OtherService>& OtherServices() const { return otherServices_; }

    /// Builds the token (services packed sorted by type, stable); "" on
    /// failure, the reason in lastError().
    std::string Build() const {
        std::vector<detail::ServiceArrays> arrays(services_.size() + otherServices_.size());
        std::vector<agora_token2_service> c;
        c.reserve(services_.size());
        for (size_t i = 0; i < services_.size(); ++i) c.push_back(detail::cServiceOf(services_[i], arrays[i]));
        std::vector<agora_token2_other_service> o;
        o.reserve(otherServices_.size());
        for (size_t i = 0; i < otherServices_.size(); ++i)
            o.push_back(detail::cOtherServiceOf(otherServices_[i], arrays[services_.size() + i]));
        agora_token2_data t{};
        t.app_id = detail::view(appId_);
        t.app_certificate = detail::view(appCertificate_);
        t.has_issue_ts = issueTs_ ? 1 : 0;
        t.issue_ts = issueTs_.value_or(0);
        t.expire = expire_;
        t.has_salt = salt_ ? 1 : 0;
        t.salt = salt_.value_or(0);
        t.services = c.data();
        t.service_count = c.size();
        t.other_services = o.data();
        t.other_service_count = o.size();
        return detail::sizedBytes([&](char* out, size_t cap, size_t* len, agora_token_error* e) {
            return agora_token2_build_data(&t, out, cap, len, e);
        });
    }

    /// Reads a token (strictly; any valid zlib stream): replaces app id,
    /// issue_ts, expire, salt and services with the token's. False, the
    /// object unchanged, on a malformed token (the reason in lastError()).
    bool FromString(const std::string& token) {
        agora_token2_info* raw = nullptr;
        agora_token_error e;
        const int status = agora_token2_parse(token.data(), token.size(), &raw, &e);
        if (status != AGORA_TOKEN_OK) return detail::failWith(status, e);
        std::unique_ptr<agora_token2_info, detail::Info2Deleter> info(raw);
        appId_ = detail::copy(info->app_id);
        issueTs_ = info->issue_ts;
        expire_ = info->expire;
        salt_ = info->salt;
        services_.clear();
        otherServices_.clear();
        for (size_t i = 0; i < info->service_count; ++i) services_.push_back(detail::serviceOf(info->services[i]));
        signature_.assign(info->signature, info->signature + sizeof info->signature);
        content_.assign(info->content, info->content + info->content_len);
        token_ = token;
        return true;
    }

    /// After FromString: whether the token is signed with this certificate
    /// (the signature only). False with lastError() for an unread token or a
    /// malformed certificate.
    bool VerifySignature(const std::string& app_certificate) const;

    /// After FromString: the signature (32 bytes) and the decompressed content.
    const std::vector<uint8_t>& Signature() const { return signature_; }
    const std::vector<uint8_t>& Content() const { return content_; }

private:
    std::string appId_, appCertificate_;
    std::optional<int64_t> issueTs_, salt_;
    int64_t expire_ = 900;
    std::vector<Service> services_;
    std::vector<OtherService> otherServices_;
    std::vector<uint8_t> signature_, content_;
    std::string token_;
};

}  // namespace data


/// Verifies a 007 token at `now` (Unix seconds): VerifyResult::Ok or the
/// first failing check (SignatureMismatch, Expired). nullopt for a malformed
/// token or certificate (the reason in lastError()).
inline std::optional<VerifyResult> verify2(const std::string& token, const std::string& appCertificate, int64_t now,
                                          const agora_token2_expected* expected = nullptr) {
    int result = -1;
    agora_token_error e;
    const int status = agora_token2_verify(token.data(), token.size(), appCertificate.data(), appCertificate.size(),
                                           expected, now, &result, &e);
    if (status != AGORA_TOKEN_OK) {
        detail::failWith(status, e);
        return std::nullopt;
    }
    return static_cast<VerifyResult>(result);
}

namespace detail {
inline std::optional<VerifyResult> verifyRtc(const std::string& token, const std::string& appCertificate,
                                             const std::string& channelName, const uint32_t* uid,
                                             const std::string* userAccount, int64_t now, const std::string* appId) {
    agora_token2_expected x{};
    if (appId) x.app_id = view(*appId);
    x.channel_name = view(channelName);
    x.has_uid = uid ? 1 : 0;
    x.uid = uid ? *uid : 0;
    if (userAccount) x.user_account = view(*userAccount);
    return verify2(token, appCertificate, now, &x);
}
}  // namespace detail

/// As verify2, with the RTC check for a channel and numeric uid: then also
/// ServiceMissing, ChannelMismatch, UidMismatch (a uid-0 service admits any
/// user), PrivilegeExpired. With appId, AppIdMismatch is checked first.
inline std::optional<VerifyResult> verify2(const std::string& token, const std::string& appCertificate,
                                          const std::string& channelName, uint32_t uid, int64_t now) {
    return detail::verifyRtc(token, appCertificate, channelName, &uid, nullptr, now, nullptr);
}
inline std::optional<VerifyResult> verify2(const std::string& token, const std::string& appCertificate,
                                          const std::string& channelName, uint32_t uid, int64_t now,
                                          const std::string& appId) {
    return detail::verifyRtc(token, appCertificate, channelName, &uid, nullptr, now, &appId);
}

/// As verify2 with an RTC check, for a user account.
inline std::optional<VerifyResult> verify2UserAccount(const std::string& token, const std::string& appCertificate,
                                                     const std::string& channelName, const std::string& userAccount,
                                                     int64_t now) {
    return detail::verifyRtc(token, appCertificate, channelName, nullptr, &userAccount, now, nullptr);
}
inline std::optional<VerifyResult> verify2UserAccount(const std::string& token, const std::string& appCertificate,
                                                     const std::string& channelName, const std::string& userAccount,
                                                     int64_t now, const std::string& appId) {
    return detail::verifyRtc(token, appCertificate, channelName, nullptr, &userAccount, now, &appId);
}

inline bool data::AccessToken2::VerifySignature(const std::string& app_certificate) const {
    if (token_.empty() || !issueTs_)
        return detail::fail(AGORA_TOKEN_ERR_NULL_ARGUMENT, "null_argument: no token was read (call FromString first)");
    // At the token's own issue_ts nothing has expired: the signature is the check.
    const std::optional<VerifyResult> r = verify2(token_, app_certificate, *issueTs_);
    return r && *r == VerifyResult::Ok;
}

// ---------------------------------------------------------------------------
// The reference's AccessToken2 and service classes (Agora's AccessToken2.h),
// with its members. Build() and GenerateSignature() describe the token as
// data (data::AccessToken2) and let the library check, pack and sign it;
// FromString() and VerifySignature() read as the reference reads (the
// library's lenient forms: reading stops at the first service of a type
// outside 1..10, and the signature still covers the rest).

/// AccessToken2::VerifySignature's result, the reference's values.
enum TokenStatus {
    kTokenVerifySuccess = 0,  // signed with this certificate
    kTokenVerifyFailed = -1,  // signed with another certificate
    kTokenInvalid = -2,       // no token read (FromString failed or was not called)
    kTokenInvalidInfo = -3,   // the certificate is not 32 hex digits
    kTokenThrow = -4,         // kept for the reference's name; never returned
};

class Service;

/// The reference's reader of packed services, named so that a Service
/// subclass written for the reference (UnpackService(Unpacker*)) compiles.
/// The library reads tokens (AccessToken2::FromString) and never hands one
/// out, so UnpackService is never called with one; none can be made.
class Unpacker {
public:
    Unpacker(const Unpacker&) = delete;
    Unpacker& operator=(const Unpacker&) = delete;

private:
    Unpacker() = default;
};

/// Reads nothing: no Unpacker exists (see Unpacker).
inline Unpacker& operator>>(Unpacker& unpacker, Service*) { return unpacker; }

namespace detail {
/// The bytes the library packs for one service (see Service::PackService).
inline std::string packService(const Service& service);
}  // namespace detail

/// A service of an AccessToken2: its type and privileges (id -> seconds
/// after issue_ts; 0: no limit of its own), as the reference's base class.
/// The classes below add their fields. A Service of another class (the base
/// itself, or a subclass of yours) is built as the reference builds its
/// base: the type, then the privileges; its type must be outside 1..10
/// (`service` otherwise: use the class of that type).
class Service {
public:
    Service(uint16_t type) : type_(type) {}  // NOLINT: implicit, as the reference's
    virtual ~Service() = default;

    uint16_t ServiceType() const { return type_; }
    /// Sets a privilege: seconds after issue_ts (0: no limit of its own).
    void AddPrivilege(uint16_t privilege, uint32_t expire) { privileges_[privilege] = expire; }

    /// The service as the library packs it in a token; "" when the library
    /// refuses it (the reason in lastError()).
    virtual std::string PackService() { return detail::packService(*this); }
    /// Never called (see Unpacker): FromString reads through the library.
    virtual void UnpackService(Unpacker*) {}
    virtual std::unique_ptr<Service> Clone() const { return std::unique_ptr<Service>(new Service(*this)); }

    /// The service as the library's data (types 1..10); nullopt for the
    /// base layout (type and privileges only).
    virtual std::optional<data::Service> ToData() const { return std::nullopt; }

    uint16_t type_;
    std::map<uint16_t, uint32_t> privileges_;

protected:
    Service(const Service&) = default;
    Service(Service&&) = default;
    Service& operator=(const Service&) = default;
    Service& operator=(Service&&) = default;

    data::Service baseData() const {
        data::Service s(type_);
        for (const auto& p : privileges_) s.AddPrivilege(p.first, p.second);
        return s;
    }
};

/// What the reference packs as the base Service: the library's bytes for
/// this service (Service::PackService); "" for nullptr (null_argument).
inline std::string Pack(const Service* service) {
    if (!service) {
        detail::fail(AGORA_TOKEN_ERR_NULL_ARGUMENT, "null_argument: Pack was given no service");
        return std::string();
    }
    return detail::packService(*service);
}

namespace detail {
/// Shared by RTC, Streaming and FCDN: a channel and the user as the packed
/// string ("" for uid 0, the decimal uid, or the account).
template <uint16_t Type>
class ChannelService : public Service {
public:
    ChannelService(const std::string& channel_name, uint32_t uid)
        : Service(Type), channel_name_(channel_name), account_(uid == 0 ? std::string() : std::to_string(uid)) {}
    ChannelService(const std::string& channel_name, const std::string& account)
        : Service(Type), channel_name_(channel_name), account_(account) {}
    std::optional<data::Service> ToData() const override {
        data::Service s = baseData();
        s.channelName = channel_name_;
        // The packed user "" is uid 0 (any user); the library takes it as a number.
        if (account_.empty())
            s.uid = 0;
        else
            s.userAccount = account_;
        return s;
    }
    std::string channel_name_;
    std::string account_;
};

/// Shared by RTM and Chat: a user id.
template <uint16_t Type>
class UserService : public Service {
public:
    explicit UserService(const std::string& user_id) : Service(Type), user_id_(user_id) {}
    std::optional<data::Service> ToData() const override {
        data::Service s = baseData();
        s.userId = user_id_;
        return s;
    }
    std::string user_id_;
};

/// Shared by FPA, ConvoAI and STT: privileges only.
template <uint16_t Type>
class PlainService : public Service {
public:
    PlainService() : Service(Type) {}
    std::optional<data::Service> ToData() const override { return baseData(); }
};
}  // namespace detail

/// RTC (type 1): a channel and a uid (0: any user) or an account.
class ServiceRtc : public detail::ChannelService<AGORA_TOKEN2_SERVICE_RTC> {
public:
    enum : uint16_t {
        kServiceType = AGORA_TOKEN2_SERVICE_RTC,
        kPrivilegeJoinChannel = AGORA_TOKEN2_PRIVILEGE_JOIN_CHANNEL,
        kPrivilegePublishAudioStream = AGORA_TOKEN2_PRIVILEGE_PUBLISH_AUDIO_STREAM,
        kPrivilegePublishVideoStream = AGORA_TOKEN2_PRIVILEGE_PUBLISH_VIDEO_STREAM,
        kPrivilegePublishDataStream = AGORA_TOKEN2_PRIVILEGE_PUBLISH_DATA_STREAM,
    };
    ServiceRtc(const std::string& channel_name = "", uint32_t uid = 0) : ChannelService(channel_name, uid) {}
    ServiceRtc(const std::string& channel_name, const std::string& account) : ChannelService(channel_name, account) {}
    std::unique_ptr<Service> Clone() const override { return std::unique_ptr<Service>(new ServiceRtc(*this)); }
};

/// RTM (type 2): a user id.
class ServiceRtm : public detail::UserService<AGORA_TOKEN2_SERVICE_RTM> {
public:
    enum : uint16_t { kServiceType = AGORA_TOKEN2_SERVICE_RTM, kPrivilegeLogin = AGORA_TOKEN2_PRIVILEGE_LOGIN };
    ServiceRtm(const std::string& user_id = "") : UserService(user_id) {}
    std::unique_ptr<Service> Clone() const override { return std::unique_ptr<Service>(new ServiceRtm(*this)); }
};

/// Streaming (type 3): a channel and a uid or an account.
class ServiceStreaming : public detail::ChannelService<AGORA_TOKEN2_SERVICE_STREAMING> {
public:
    enum : uint16_t {
        kServiceType = AGORA_TOKEN2_SERVICE_STREAMING,
        kPrivilegePublishMixStream = AGORA_TOKEN2_PRIVILEGE_STREAMING_PUBLISH_MIX_STREAM,
        kPrivilegePublishRawStream = AGORA_TOKEN2_PRIVILEGE_STREAMING_PUBLISH_RAW_STREAM,
    };
    ServiceStreaming(const std::string& channel_name = "", uint32_t uid = 0) : ChannelService(channel_name, uid) {}
    ServiceStreaming(const std::string& channel_name, const std::string& account)
        : ChannelService(channel_name, account) {}
    std::unique_ptr<Service> Clone() const override { return std::unique_ptr<Service>(new ServiceStreaming(*this)); }
};

/// FPA (type 4): Login only.
class ServiceFpa : public detail::PlainService<AGORA_TOKEN2_SERVICE_FPA> {
public:
    enum : uint16_t { kServiceType = AGORA_TOKEN2_SERVICE_FPA, kPrivilegeLogin = AGORA_TOKEN2_PRIVILEGE_LOGIN };
    ServiceFpa() = default;
    std::unique_ptr<Service> Clone() const override { return std::unique_ptr<Service>(new ServiceFpa(*this)); }
};

/// Chat (type 5): a user id ("" for an app token).
class ServiceChat : public detail::UserService<AGORA_TOKEN2_SERVICE_CHAT> {
public:
    enum : uint16_t {
        kServiceType = AGORA_TOKEN2_SERVICE_CHAT,
        kPrivilegeUser = AGORA_TOKEN2_PRIVILEGE_CHAT_USER,
        kPrivilegeApp = AGORA_TOKEN2_PRIVILEGE_CHAT_APP,
    };
    ServiceChat(const std::string& user_id = "") : UserService(user_id) {}
    std::unique_ptr<Service> Clone() const override { return std::unique_ptr<Service>(new ServiceChat(*this)); }
};

/// FCDN (type 6): a channel and a uid or an account.
class ServiceFCdn : public detail::ChannelService<AGORA_TOKEN2_SERVICE_FCDN> {
public:
    enum : uint16_t {
        kServiceType = AGORA_TOKEN2_SERVICE_FCDN,
        kPrivilegePublish = AGORA_TOKEN2_PRIVILEGE_FCDN_PUBLISH,
        kPrivilegePlay = AGORA_TOKEN2_PRIVILEGE_FCDN_PLAY,
    };
    ServiceFCdn(const std::string& channel_name = "", uint32_t uid = 0) : ChannelService(channel_name, uid) {}
    ServiceFCdn(const std::string& channel_name, const std::string& account) : ChannelService(channel_name, account) {}
    std::unique_ptr<Service> Clone() const override { return std::unique_ptr<Service>(new ServiceFCdn(*this)); }
};

/// APaaS (type 7): room uuid, user uuid and role (-1: none).
class ServiceApaas : public Service {
public:
    enum : uint16_t {
        kServiceType = AGORA_TOKEN2_SERVICE_APAAS,
        kPrivilegeRoomUser = AGORA_TOKEN2_PRIVILEGE_APAAS_ROOM_USER,
        kPrivilegeUser = AGORA_TOKEN2_PRIVILEGE_APAAS_USER,
        kPrivilegeApp = AGORA_TOKEN2_PRIVILEGE_APAAS_APP,
    };
    ServiceApaas(const std::string& room_uuid = "", const std::string& user_uuid = "", int16_t role = -1)
        : Service(kServiceType), room_uuid_(room_uuid), user_uuid_(user_uuid), role_(role) {}
    std::unique_ptr<Service> Clone() const override { return std::unique_ptr<Service>(new ServiceApaas(*this)); }
    std::optional<data::Service> ToData() const override {
        data::Service s = baseData();
        s.roomUuid = room_uuid_;
        s.userUuid = user_uuid_;
        s.role = role_;
        return s;
    }
    std::string room_uuid_;
    std::string user_uuid_;
    int16_t role_;
};

/// RTM2 (type 8): a user id and resource permissions.
class ServiceRtm2 : public Service {
public:
    enum : uint16_t { kServiceType = AGORA_TOKEN2_SERVICE_RTM2, kPrivilegeLogin = AGORA_TOKEN2_PRIVILEGE_LOGIN };
    /// resource type -> permission type -> resources.
    using PermissionsDetail = std::map<uint16_t, std::map<uint16_t, std::vector<std::string>>>;
    /// The reference's ServiceRtm2::Permissions: Add() replaces the
    /// resources of a (resource type, permission type) pair; packed in
    /// the order of the map.
    struct Permissions {
        enum : uint16_t {
            kMessageChannels = AGORA_TOKEN2_RTM2_MESSAGE_CHANNELS,
            kStreamChannels = AGORA_TOKEN2_RTM2_STREAM_CHANNELS,
            kGroupChannels = AGORA_TOKEN2_RTM2_GROUP_CHANNELS,
            kServerGroups = AGORA_TOKEN2_RTM2_SERVER_GROUPS,
            kUsers = AGORA_TOKEN2_RTM2_USERS,
        };
        enum : uint16_t { kRead = AGORA_TOKEN2_RTM2_READ, kWrite = AGORA_TOKEN2_RTM2_WRITE };
        void Add(uint16_t resource_type, uint16_t permission_type, const std::vector<std::string>& resources) {
            details_[resource_type][permission_type] = resources;
        }
        /// The grants as data, in the map's order.
        std::vector<data::Service::Grant> ToData() const {
            std::vector<data::Service::Grant> out;
            for (const auto& r : details_)
                for (const auto& p : r.second) out.push_back(data::Service::Grant{r.first, p.first, p.second});
            return out;
        }
        PermissionsDetail details_;
    };
    ServiceRtm2(const std::string& user_id = "", const Permissions& permissions = Permissions())
        : Service(kServiceType), user_id_(user_id), permissions_(permissions) {}
    std::unique_ptr<Service> Clone() const override { return std::unique_ptr<Service>(new ServiceRtm2(*this)); }
    std::optional<data::Service> ToData() const override {
        data::Service s = baseData();
        s.userId = user_id_;
        s.permissions = permissions_.ToData();
        return s;
    }
    std::string user_id_;
    Permissions permissions_;
};

/// ConvoAI (type 9, npm agora-token 2.0.6): privileges only.
class ServiceConvoAI : public detail::PlainService<AGORA_TOKEN2_SERVICE_CONVOAI> {
public:
    enum : uint16_t { kServiceType = AGORA_TOKEN2_SERVICE_CONVOAI };
    ServiceConvoAI() = default;
    std::unique_ptr<Service> Clone() const override { return std::unique_ptr<Service>(new ServiceConvoAI(*this)); }
};

/// STT (type 10, npm agora-token 2.0.6): privileges only.
class ServiceStt : public detail::PlainService<AGORA_TOKEN2_SERVICE_STT> {
public:
    enum : uint16_t { kServiceType = AGORA_TOKEN2_SERVICE_STT };
    ServiceStt() = default;
    std::unique_ptr<Service> Clone() const override { return std::unique_ptr<Service>(new ServiceStt(*this)); }
};

namespace detail {
/// A parsed service as the reference's class of its type (nullptr for a
/// type the library does not read, which lenient parsing never returns).
inline std::unique_ptr<Service> referenceServiceOf(const agora_token2_service& c) {
    std::unique_ptr<Service> s;
    switch (c.service_type) {
    case AGORA_TOKEN2_SERVICE_RTC: s.reset(new ServiceRtc(copy(c.channel_name), copy(c.user_account))); break;
    case AGORA_TOKEN2_SERVICE_RTM: s.reset(new ServiceRtm(copy(c.user_id))); break;
    case AGORA_TOKEN2_SERVICE_STREAMING:
        s.reset(new ServiceStreaming(copy(c.channel_name), copy(c.user_account)));
        break;
    case AGORA_TOKEN2_SERVICE_FPA: s.reset(new ServiceFpa()); break;
    case AGORA_TOKEN2_SERVICE_CHAT: s.reset(new ServiceChat(copy(c.user_id))); break;
    case AGORA_TOKEN2_SERVICE_FCDN: s.reset(new ServiceFCdn(copy(c.channel_name), copy(c.user_account))); break;
    case AGORA_TOKEN2_SERVICE_APAAS:
        s.reset(new ServiceApaas(copy(c.room_uuid), copy(c.user_uuid), static_cast<int16_t>(c.role)));
        break;
    case AGORA_TOKEN2_SERVICE_RTM2: {
        ServiceRtm2::Permissions permissions;
        for (size_t i = 0; i < c.permission_count; ++i) {
            const agora_token2_permission& g = c.permissions[i];
            std::vector<std::string> resources;
            for (size_t j = 0; j < g.resource_count; ++j) resources.push_back(copy(g.resources[j]));
            permissions.Add(static_cast<uint16_t>(g.resource_type), static_cast<uint16_t>(g.permission_type),
                            resources);
        }
        s.reset(new ServiceRtm2(copy(c.user_id), permissions));
        break;
    }
    case AGORA_TOKEN2_SERVICE_CONVOAI: s.reset(new ServiceConvoAI()); break;
    case AGORA_TOKEN2_SERVICE_STT: s.reset(new ServiceStt()); break;
    default: return s;
    }
    for (size_t i = 0; i < c.privilege_count; ++i)
        s->AddPrivilege(static_cast<uint16_t>(c.privileges[i].id), static_cast<uint32_t>(c.privileges[i].expire));
    return s;
}

/// A service of another class as the base layout: its type and privileges.
inline data::OtherService otherOf(const Service& s) {
    data::OtherService o{s.type_, {}};
    for (const auto& p : s.privileges_) o.privileges.emplace_back(p.first, p.second);
    return o;
}

/// A service into a data token: a known class as a service, any other as
/// the base layout.
inline void addTo(data::AccessToken2& t, const Service& s) {
    if (std::optional<data::Service> d = s.ToData())
        t.AddService(*d);
    else
        t.AddOtherService(otherOf(s));
}

/// Reads a token as the reference does (lenient): nullptr on failure, recorded.
inline std::unique_ptr<agora_token2_info, Info2Deleter> parseLenient(const std::string& token) {
    agora_token2_info* raw = nullptr;
    agora_token_error e;
    const int status = agora_token2_parse_lenient(token.data(), token.size(), &raw, &e);
    if (status != AGORA_TOKEN_OK) {
        failWith(status, e);
        return nullptr;
    }
    return std::unique_ptr<agora_token2_info, Info2Deleter>(raw);
}

/// The bytes the library packs for one service in a token: a known class
/// as a service of its type, any other as the base layout (type, then
/// privileges). "" when the library refuses it, recorded.
inline std::string packService(const Service& service) {
    ServiceArrays arrays;
    const std::optional<data::Service> known = service.ToData();
    agora_token2_service c{};
    agora_token2_other_service o{};
    if (known)
        c = cServiceOf(*known, arrays);
    else
        o = cOtherServiceOf(otherOf(service), arrays);
    return sizedBytes([&](char* out, size_t cap, size_t* len, agora_token_error* e) {
        return agora_token2_pack_service(known ? &c : nullptr, known ? nullptr : &o, out, cap, len, e);
    });
}
}  // namespace detail

/// Agora's AccessToken2 class (AccessToken2.h) with its members.
///
/// issue_ts_ (Unix seconds) and salt_ 0 mean "not set": Build() then uses
/// the library's defaults (now; a fresh CSPRNG salt) and writes the values
/// it used back, so that a second Build() gives the same token, as the
/// reference's does. expire_ is seconds after issue_ts. services_ holds the
/// services by type (several of one type keep their order).
class AccessToken2 {
public:
    AccessToken2(const std::string& app_id = "", const std::string& app_certificate = "", uint32_t issue_ts = 0,
                 uint32_t expire = 900)
        : issue_ts_(issue_ts), expire_(expire), app_id_(app_id), app_cert_(app_certificate) {}

    AccessToken2(const AccessToken2&) = delete;
    AccessToken2& operator=(const AccessToken2&) = delete;
    AccessToken2(AccessToken2&&) = default;
    AccessToken2& operator=(AccessToken2&&) = default;

    /// "007".
    static std::string Version() { return "007"; }

    /// Adds a service (nullptr: ignored).
    void AddService(std::unique_ptr<Service> service) {
        if (!service) return;
        const uint16_t type = service->ServiceType();
        services_.insert(std::make_pair(type, std::move(service)));
    }
    /// Adds a copy of a service.
    void AddService(const Service& service) { AddService(service.Clone()); }

    /// Builds the token; "" on failure (app id, certificate, no service, a
    /// value the library refuses), the reason in lastError().
    std::string Build() {
        const std::string token = toData(app_cert_, false).Build();
        if (token.empty() || (issue_ts_ != 0 && salt_ != 0)) return token;
        auto info = detail::parseLenient(token);
        if (!info) return std::string();
        issue_ts_ = info->issue_ts;
        salt_ = info->salt;
        return token;
    }

    /// Reads a 007 token as the reference does: app_id_, issue_ts_, expire_,
    /// salt_, signature_ (32 raw bytes), raw_token_buffer_ (the decompressed
    /// content) and services_, which stop before the first service of a type
    /// outside 1..10. False on a malformed token (the reason in
    /// lastError()); then parsed_ is false, services_ and the strings empty.
    bool FromString(const std::string& token) {
        parsed_ = false;
        app_id_.clear();
        signature_.clear();
        raw_token_buffer_.clear();
        services_.clear();
        token_.clear();
        auto info = detail::parseLenient(token);
        if (!info) return false;
        app_id_ = detail::copy(info->app_id);
        issue_ts_ = info->issue_ts;
        expire_ = info->expire;
        salt_ = info->salt;
        signature_.assign(reinterpret_cast<const char*>(info->signature), sizeof info->signature);
        raw_token_buffer_.assign(reinterpret_cast<const char*>(info->content), info->content_len);
        for (size_t i = 0; i < info->service_count; ++i)
            AddService(detail::referenceServiceOf(info->services[i]));
        token_ = token;
        tokenIssueTs_ = info->issue_ts;
        parsed_ = true;
        return true;
    }

    /// After FromString: whether the token read is signed with this
    /// certificate (the signature over all of its content; expiry is not
    /// checked). Sets app_cert_.
    TokenStatus VerifySignature(const std::string& app_certificate) {
        app_cert_ = app_certificate;
        if (!parsed_) {
            detail::fail(AGORA_TOKEN_ERR_NULL_ARGUMENT, "null_argument: no token was read (call FromString first)");
            return kTokenInvalid;
        }
        int result = -1;
        agora_token_error e;
        // At the token's own issue_ts nothing has expired: the signature is the check.
        const int status = agora_token2_verify_lenient(token_.data(), token_.size(), app_certificate.data(),
                                                       app_certificate.size(), nullptr, tokenIssueTs_, &result, &e);
        if (status != AGORA_TOKEN_OK) {
            detail::failWith(status, e);
            return status == AGORA_TOKEN_ERR_APP_CERTIFICATE ? kTokenInvalidInfo : kTokenInvalid;
        }
        return result == AGORA_TOKEN_VERIFY_OK ? kTokenVerifySuccess : kTokenVerifyFailed;
    }

    /// The signature (32 raw bytes) this certificate gives the fields as
    /// they are (app id, issue_ts, expire, salt, services): after
    /// FromString, equal to signature_ when the token was signed with it.
    /// "" when the library refuses a field (the reason in lastError()).
    /// Sets app_cert_.
    std::string GenerateSignature(const std::string& app_certificate) {
        app_cert_ = app_certificate;
        const std::string token = toData(app_certificate, true).Build();
        if (token.empty()) return token;
        auto info = detail::parseLenient(token);
        if (!info) return std::string();
        return std::string(reinterpret_cast<const char*>(info->signature), sizeof info->signature);
    }

    uint32_t issue_ts_;
    uint32_t expire_;
    uint32_t salt_ = 0;
    std::string app_id_;
    std::string app_cert_;
    std::string signature_;
    std::string raw_token_buffer_;
    bool parsed_ = false;
    std::multimap<uint16_t, std::unique_ptr<Service>> services_;

private:
    /// The fields as data; `pin`: issue_ts_ and salt_ as they are, even 0.
    data::AccessToken2 toData(const std::string& app_certificate, bool pin) const {
        data::AccessToken2 t(app_id_, app_certificate, 0, expire_);
        if (pin || issue_ts_ != 0) t.SetIssueTs(issue_ts_);
        if (pin || salt_ != 0) t.SetSalt(salt_);
        for (const auto& s : services_) detail::addTo(t, *s.second);
        return t;
    }

    std::string token_;         // the token FromString read
    uint32_t tokenIssueTs_ = 0;  // its issue_ts, whatever issue_ts_ becomes
};

/// RtcTokenBuilder2: RTC tokens (privilege and token lifetimes in seconds from now).
class RtcTokenBuilder2 {
public:
    /// JoinChannel (and for a publisher the publish privileges) for
    /// privilege_expire seconds; the token lives token_expire seconds.
    static std::string BuildTokenWithUid(const std::string& app_id, const std::string& app_certificate,
                                         const std::string& channel_name, uint32_t uid, UserRole role,
                                         uint32_t token_expire, uint32_t privilege_expire = 0) {
        return detail::build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID, app_id, app_certificate, {&channel_name},
                              {uid, role, token_expire, privilege_expire});
    }
    static std::string BuildTokenWithUserAccount(const std::string& app_id, const std::string& app_certificate,
                                                 const std::string& channel_name, const std::string& user_account,
                                                 UserRole role, uint32_t token_expire, uint32_t privilege_expire = 0) {
        return detail::build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_USER_ACCOUNT, app_id, app_certificate,
                              {&channel_name, &user_account}, {role, token_expire, privilege_expire});
    }
    /// All four RTC privileges with their own lifetimes, whatever the role.
    static std::string BuildTokenWithUid(const std::string& app_id, const std::string& app_certificate,
                                         const std::string& channel_name, uint32_t uid, uint32_t token_expire,
                                         uint32_t join_channel_privilege_expire = 0,
                                         uint32_t pub_audio_privilege_expire = 0,
                                         uint32_t pub_video_privilege_expire = 0,
                                         uint32_t pub_data_stream_privilege_expire = 0) {
        return detail::build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_UID_AND_PRIVILEGE, app_id, app_certificate,
                              {&channel_name},
                              {uid, token_expire, join_channel_privilege_expire, pub_audio_privilege_expire,
                               pub_video_privilege_expire, pub_data_stream_privilege_expire});
    }
    static std::string BuildTokenWithUserAccount(const std::string& app_id, const std::string& app_certificate,
                                                 const std::string& channel_name, const std::string& user_account,
                                                 uint32_t token_expire, uint32_t join_channel_privilege_expire = 0,
                                                 uint32_t pub_audio_privilege_expire = 0,
                                                 uint32_t pub_video_privilege_expire = 0,
                                                 uint32_t pub_data_stream_privilege_expire = 0) {
        return detail::build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_USER_ACCOUNT_AND_PRIVILEGE, app_id, app_certificate,
                              {&channel_name, &user_account},
                              {token_expire, join_channel_privilege_expire, pub_audio_privilege_expire,
                               pub_video_privilege_expire, pub_data_stream_privilege_expire});
    }
    /// The user-account token plus RTM Login for the same account.
    static std::string BuildTokenWithRtm(const std::string& app_id, const std::string& app_certificate,
                                         const std::string& channel_name, const std::string& user_account,
                                         UserRole role, uint32_t token_expire, uint32_t privilege_expire = 0) {
        return detail::build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_RTM, app_id, app_certificate,
                              {&channel_name, &user_account}, {role, token_expire, privilege_expire});
    }
    /// RTC for rtc_account with its own privilege lifetimes, plus RTM Login for rtm_user_id.
    static std::string BuildTokenWithRtm2(const std::string& app_id, const std::string& app_certificate,
                                          const std::string& channel_name, const std::string& rtc_account,
                                          UserRole rtc_role, uint32_t rtc_token_expire,
                                          uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire,
                                          uint32_t pub_video_privilege_expire,
                                          uint32_t pub_data_stream_privilege_expire, const std::string& rtm_user_id,
                                          uint32_t rtm_token_expire) {
        return detail::build2(AGORA_TOKEN2_RTC_BUILD_TOKEN_WITH_RTM2, app_id, app_certificate,
                              {&channel_name, &rtc_account, &rtm_user_id},
                              {rtc_role, rtc_token_expire, join_channel_privilege_expire, pub_audio_privilege_expire,
                               pub_video_privilege_expire, pub_data_stream_privilege_expire, rtm_token_expire});
    }
};

/// RtmTokenBuilder2: RTM Login (RTM2 with permissions).
class RtmTokenBuilder2 {
public:
    static std::string BuildToken(const std::string& app_id, const std::string& app_certificate,
                                  const std::string& user_id, uint32_t expire = 0) {
        return detail::build2(AGORA_TOKEN2_RTM_BUILD_TOKEN, app_id, app_certificate, {&user_id}, {expire});
    }
    static std::string BuildToken(const std::string& app_id, const std::string& app_certificate,
                                  const std::string& user_id, const ServiceRtm2::Permissions& permissions,
                                  uint32_t expire = 0) {
        const std::vector<data::Service::Grant> data = permissions.ToData();  // grants point into it
        const detail::Grants grants = detail::grantsOf(data);
        return detail::build2(AGORA_TOKEN2_RTM_BUILD_TOKEN_WITH_PERMISSIONS, app_id, app_certificate, {&user_id},
                              {expire}, &grants);
    }
};

/// ChatTokenBuilder2: Chat user and app tokens.
class ChatTokenBuilder2 {
public:
    static std::string BuildUserToken(const std::string& app_id, const std::string& app_certificate,
                                      const std::string& user_id, uint32_t expire = 0) {
        return detail::build2(AGORA_TOKEN2_CHAT_BUILD_USER_TOKEN, app_id, app_certificate, {&user_id}, {expire});
    }
    static std::string BuildAppToken(const std::string& app_id, const std::string& app_certificate,
                                     uint32_t expire = 0) {
        return detail::build2(AGORA_TOKEN2_CHAT_BUILD_APP_TOKEN, app_id, app_certificate, {}, {expire});
    }
};

/// FpaTokenBuilder: FPA Login in a 24-hour token.
class FpaTokenBuilder {
public:
    static std::string BuildToken(const std::string& app_id, const std::string& app_certificate) {
        return detail::build2(AGORA_TOKEN2_FPA_BUILD_TOKEN, app_id, app_certificate, {}, {});
    }
};

namespace detail {
/// ApaasTokenBuilder and EducationTokenBuilder2 (the same builders under two names).
template <agora_token2_builder_id RoomUser, agora_token2_builder_id User, agora_token2_builder_id App>
class ApaasBuilders {
public:
    static std::string BuildRoomUserToken(const std::string& app_id, const std::string& app_certificate,
                                          const std::string& room_uuid, const std::string& user_uuid, int16_t role,
                                          uint32_t expire) {
        return build2(RoomUser, app_id, app_certificate, {&room_uuid, &user_uuid}, {role, expire});
    }
    static std::string BuildUserToken(const std::string& app_id, const std::string& app_certificate,
                                      const std::string& user_uuid, uint32_t expire) {
        return build2(User, app_id, app_certificate, {&user_uuid}, {expire});
    }
    static std::string BuildAppToken(const std::string& app_id, const std::string& app_certificate, uint32_t expire) {
        return build2(App, app_id, app_certificate, {}, {expire});
    }
};
}  // namespace detail

/// ApaasTokenBuilder: APaaS room-user (with RTM and Chat), user and app tokens.
class ApaasTokenBuilder
    : public detail::ApaasBuilders<AGORA_TOKEN2_APAAS_BUILD_ROOM_USER_TOKEN, AGORA_TOKEN2_APAAS_BUILD_USER_TOKEN,
                                   AGORA_TOKEN2_APAAS_BUILD_APP_TOKEN> {};

/// EducationTokenBuilder2: the APaaS builders under Education's name.
class EducationTokenBuilder2
    : public detail::ApaasBuilders<AGORA_TOKEN2_EDUCATION_BUILD_ROOM_USER_TOKEN,
                                   AGORA_TOKEN2_EDUCATION_BUILD_USER_TOKEN, AGORA_TOKEN2_EDUCATION_BUILD_APP_TOKEN> {};


namespace detail {
/// npm's ConvoAI and STT builders: the arguments of BuildTokenWithRtm2 plus a service of their own.
template <agora_token2_builder_id Id>
class Rtm2Builder {
public:
    static std::string BuildToken(const std::string& app_id, const std::string& app_certificate,
                                  const std::string& channel_name, const std::string& rtc_account, UserRole rtc_role,
                                  uint32_t rtc_token_expire, uint32_t join_channel_privilege_expire,
                                  uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire,
                                  uint32_t pub_data_stream_privilege_expire, const std::string& rtm_user_id,
                                  uint32_t rtm_token_expire) {
        return build2(Id, app_id, app_certificate, {&channel_name, &rtc_account, &rtm_user_id},
                      {rtc_role, rtc_token_expire, join_channel_privilege_expire, pub_audio_privilege_expire,
                       pub_video_privilege_expire, pub_data_stream_privilege_expire, rtm_token_expire});
    }
};
}  // namespace detail

/// ConvoAITokenBuilder (npm agora-token 2.0.6 only): RTC + RTM as BuildTokenWithRtm2, plus ConvoAI.
class ConvoAITokenBuilder : public detail::Rtm2Builder<AGORA_TOKEN2_CONVOAI_BUILD_TOKEN> {};

/// SttTokenBuilder (npm agora-token 2.0.6 only): RTC + RTM as BuildTokenWithRtm2, plus STT.
class SttTokenBuilder : public detail::Rtm2Builder<AGORA_TOKEN2_STT_BUILD_TOKEN> {};

}  // namespace tools
}  // namespace agora

#endif  // AGORA_TOKEN_HPP
