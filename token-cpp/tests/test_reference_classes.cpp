// GoogleTest suite of the reference's classes in agora_token.hpp, reached
// through the reference-named headers (include/agoratoken/*.h): AccessToken
// (006) and AccessToken2 with its service classes (007), their members, what
// they accept as Agora's C++ does and what they still refuse.
#include <agoratoken/AccessToken.h>
#include <agoratoken/AccessToken2.h>
#include <agoratoken/ApaasTokenBuilder.h>
#include <agoratoken/ChatTokenBuilder2.h>
#include <agoratoken/EducationTokenBuilder2.h>
#include <agoratoken/FpaTokenBuilder.h>
#include <agoratoken/RtcTokenBuilder.h>
#include <agoratoken/RtcTokenBuilder2.h>
#include <agoratoken/RtmTokenBuilder.h>
#include <agoratoken/RtmTokenBuilder2.h>
#include <gtest/gtest.h>

#include <ctime>
#include <initializer_list>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "agora_token.hpp"  // the same classes: both spellings include together

using namespace agora::tools;

namespace {

const std::string kAppId = "970CA35de60c44645bbae8a215061b33";
const std::string kCert = "5CFd2fd1755d40ecb72977518be15d3b";
const std::string kOtherCert = "5CFd2fd1755d40ecb72977518be15d3c";
const std::string kChannel = "7d72365eb983485397e3e3f9d460bdda";
const uint32_t kUid = 2882341273u;

uint32_t crcOf(const std::string& s) {
    return static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

void expectFailure(const std::string& token, int code) {
    EXPECT_EQ(token, "");
    EXPECT_EQ(lastErrorCode(), code) << lastError();
    EXPECT_EQ(lastError().rfind(errorName(code) + ":", 0), 0u) << lastError();
}

/// A service of a type no class describes (the reference tests' UnknownService).
class OtherService : public Service {
public:
    explicit OtherService(uint16_t type) : Service(type) {}
    std::string PackService() override { return Pack(this); }
    void UnpackService(Unpacker* unpacker) override { *unpacker >> this; }
    std::unique_ptr<Service> Clone() const override {
        std::unique_ptr<OtherService> s(new OtherService(type_));
        s->privileges_ = privileges_;
        return s;
    }
};

}  // namespace

// ---------------------------------------------------------------------------
// AccessToken (006)

TEST(AccessToken, BuildIsTheSimpleTokenBuildersToken) {
    AccessToken key(kAppId, kCert, kChannel, kUid);
    key.message_.salt = 1;
    key.message_.ts = 1111111;
    key.AddPrivilege(AccessToken::kJoinChannel, 1446455471);
    key.AddPrivilege(AccessToken::Privileges::kPublishAudioStream);

    SimpleTokenBuilder b(kAppId, kCert, kChannel, kUid);
    ASSERT_TRUE(b.setSalt(1) && b.setTs(1111111));
    ASSERT_TRUE(b.setPrivilege(kJoinChannel, 1446455471) && b.setPrivilege(kPublishAudioStream, 0));
    const std::string token = key.Build();
    EXPECT_EQ(token, b.buildToken());
    EXPECT_EQ(key.Build(), token);  // pinned: the same token again

    // A uid as its decimal string is the same user; uid 0 signs "".
    AccessToken byString(kAppId, kCert, kChannel, std::to_string(kUid));
    byString.message_ = key.message_;
    EXPECT_EQ(byString.Build(), token);
    AccessToken zero(kAppId, kCert, kChannel, 0u);
    EXPECT_EQ(zero.uid_, "");
    AccessToken empty(kAppId, kCert, kChannel, std::string());
    zero.message_ = empty.message_ = key.message_;
    EXPECT_EQ(zero.Build(), empty.Build());
    EXPECT_NE(zero.Build(), token);

    // Build leaves the token's fields in the object, as the reference's does.
    EXPECT_EQ(key.crc_channel_name_, crcOf(kChannel));
    EXPECT_EQ(key.crc_uid_, crcOf(std::to_string(kUid)));
    EXPECT_EQ(key.signature_.size(), 32u);
    EXPECT_EQ(AccessToken::GenerateSignature(kCert, kAppId, kChannel, key.uid_, key.message_raw_content_),
              key.signature_);
    EXPECT_EQ(AccessToken::Version(), "006");
}

TEST(AccessToken, UnsetSaltAndTsTakeTheLibrarysDefaultsAndAreWrittenBack) {
    AccessToken key(kAppId, kCert, kChannel, kUid);
    EXPECT_EQ(key.message_.salt, 0u);
    EXPECT_EQ(key.message_.ts, 0u);
    key.AddPrivilege(AccessToken::kJoinChannel);
    const uint32_t now = static_cast<uint32_t>(std::time(nullptr));
    const std::string first = key.Build();
    ASSERT_FALSE(first.empty()) << lastError();
    EXPECT_NE(key.message_.salt, 0u);
    EXPECT_GE(key.message_.ts, now + 24 * 3600);
    EXPECT_LE(key.message_.ts, now + 24 * 3600 + 60);
    EXPECT_EQ(key.Build(), first);  // the values used are kept

    AccessToken later(kAppId, kCert, kChannel, kUid);
    later.SetTokenExpiredTs(600);
    EXPECT_GE(later.message_.ts, now + 600);
    EXPECT_LE(later.message_.ts, now + 660);
}

TEST(AccessToken, FromStringReadsEveryField) {
    const std::string token =
        RtcTokenBuilder::buildTokenWithUid(kAppId, kCert, kChannel, kUid, Role_Publisher, 1446455471);
    AccessToken parser;
    ASSERT_TRUE(parser.FromString(token)) << lastError();
    const std::optional<TokenInfo> info = parse(token);
    ASSERT_TRUE(info);
    EXPECT_EQ(parser.app_id_, kAppId);
    EXPECT_EQ(parser.crc_channel_name_, crcOf(kChannel));
    EXPECT_EQ(parser.crc_uid_, crcOf(std::to_string(kUid)));
    EXPECT_EQ(parser.message_.salt, info->salt);
    EXPECT_EQ(parser.message_.ts, info->ts);
    EXPECT_EQ(std::string(info->signature.begin(), info->signature.end()), parser.signature_);
    const AccessToken::PrivilegeMessageMap expected = {
        {AccessToken::kJoinChannel, 1446455471u},
        {AccessToken::kPublishAudioStream, 1446455471u},
        {AccessToken::kPublishVideoStream, 1446455471u},
        {AccessToken::kPublishDataStream, 1446455471u},
    };
    EXPECT_EQ(parser.message_.messages, expected);
    // salt, ts, a count of 4 and 4 privileges of 6 bytes.
    EXPECT_EQ(parser.message_raw_content_.size(), 4u + 4u + 2u + 4u * 6u);
    EXPECT_EQ(AccessToken::GenerateSignature(kCert, kAppId, kChannel, std::to_string(kUid),
                                             parser.message_raw_content_),
              parser.signature_);
    // Another certificate, channel or user signs otherwise.
    EXPECT_NE(AccessToken::GenerateSignature(kOtherCert, kAppId, kChannel, std::to_string(kUid),
                                             parser.message_raw_content_),
              parser.signature_);
    EXPECT_NE(AccessToken::GenerateSignature(kCert, kAppId, "other", std::to_string(kUid), parser.message_raw_content_),
              parser.signature_);
    EXPECT_NE(AccessToken::GenerateSignature(kCert, kAppId, kChannel, "1", parser.message_raw_content_),
              parser.signature_);

    // An RTM token signs the account as the channel and "" as the uid.
    const std::string rtm = RtmTokenBuilder::buildToken(kAppId, kCert, "test_user", RtmUserRole::Rtm_User, 7);
    AccessToken r;
    ASSERT_TRUE(r.FromString(rtm));
    EXPECT_EQ(r.crc_channel_name_, crcOf("test_user"));
    EXPECT_EQ(r.crc_uid_, crcOf(""));
    EXPECT_EQ(r.message_.messages[AccessToken::kRtmLogin], 7u);
    EXPECT_EQ(AccessToken::GenerateSignature(kCert, kAppId, "test_user", "", r.message_raw_content_), r.signature_);
}

TEST(AccessToken, RefusesWhatAgoraRejectsNamingTheField) {
    AccessToken badApp("invalid", kCert, kChannel, kUid);
    expectFailure(badApp.Build(), AGORA_TOKEN_ERR_APP_ID);
    AccessToken badCert(kAppId, "invalid", kChannel, kUid);
    expectFailure(badCert.Build(), AGORA_TOKEN_ERR_APP_CERTIFICATE);
    EXPECT_EQ(lastError().find("invalid"), std::string::npos);
    AccessToken slash(kAppId, kCert, "a/b", kUid);
    expectFailure(slash.Build(), AGORA_TOKEN_ERR_CHANNEL_NAME);
    AccessToken unknown(kAppId, kCert, kChannel, kUid);
    unknown.message_.messages[999] = 0;
    expectFailure(unknown.Build(), AGORA_TOKEN_ERR_PRIVILEGE);

    AccessToken parser(kAppId, kCert, kChannel, kUid);
    EXPECT_FALSE(parser.FromString("007invalid"));
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_VERSION);
    EXPECT_FALSE(parser.FromString("006" + kAppId + "invalid"));
    EXPECT_EQ(parser.app_id_, kAppId);  // unchanged
}

namespace {
/// What the core signs (agora_token006_sign_message, called directly).
std::string coreSignature(const std::string& cert, const std::string& appId, const std::string& channel,
                          const std::string& uid, const std::string& message) {
    uint8_t signature[32];
    agora_token_error e;
    const int status = agora_token006_sign_message(
        cert.data(), cert.size(), appId.data(), appId.size(), channel.data(), channel.size(), uid.data(), uid.size(),
        reinterpret_cast<const uint8_t*>(message.data()), message.size(), &signature, &e);
    EXPECT_EQ(status, AGORA_TOKEN_OK) << std::string(e.message, e.len);
    return std::string(reinterpret_cast<const char*>(signature), sizeof signature);
}
}  // namespace

TEST(AccessToken, GenerateSignatureSignsAnyMessageAsTheCoreDoes) {
    // Not 006 messages: text, a message cut short, bytes with NULs and high
    // bytes, nothing at all. The reference signs whatever it is given.
    const std::string messages[] = {
        "not a message",
        std::string("\x01\x00\x00\x00\x02", 5),
        std::string("\x00\xff\x00\x80 binary \x00", 12),
        std::string(),
        std::string(70000, '\x5a'),
    };
    for (const std::string& m : messages) {
        const std::string sig = AccessToken::GenerateSignature(kCert, kAppId, kChannel, "42", m);
        ASSERT_EQ(sig.size(), 32u) << lastError();
        EXPECT_EQ(sig, coreSignature(kCert, kAppId, kChannel, "42", m));
        EXPECT_NE(sig, AccessToken::GenerateSignature(kCert, kAppId, kChannel, "43", m));
    }
    // The channel and uid are signed as given, a NUL included.
    const std::string nul("a\0b", 3);
    EXPECT_EQ(AccessToken::GenerateSignature(kCert, kAppId, nul, "", "m"), coreSignature(kCert, kAppId, nul, "", "m"));
    EXPECT_NE(AccessToken::GenerateSignature(kCert, kAppId, nul, "", "m"),
              AccessToken::GenerateSignature(kCert, kAppId, "a", "", "m"));

    // A real token's message gives its signature (Agora's sample token).
    const std::string sample =
        "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW";
    AccessToken parsed;
    ASSERT_TRUE(parsed.FromString(sample)) << lastError();
    EXPECT_EQ(AccessToken::GenerateSignature(kCert, kAppId, kChannel, std::to_string(kUid),
                                             parsed.message_raw_content_),
              parsed.signature_);
}

TEST(AccessToken, GenerateSignatureRefusesTheCredentialsAndTextThatIsNotUtf8) {
    for (const auto& args : {std::make_pair(std::string("invalid"), kCert), std::make_pair(kAppId, std::string())}) {
        const int code = args.first == kAppId ? AGORA_TOKEN_ERR_APP_CERTIFICATE : AGORA_TOKEN_ERR_APP_ID;
        expectFailure(AccessToken::GenerateSignature(args.second, args.first, kChannel, "", "m"), code);
    }
    expectFailure(AccessToken::GenerateSignature(kCert + std::string(1, '\0'), kAppId, kChannel, "", "m"),
                  AGORA_TOKEN_ERR_APP_CERTIFICATE);
    EXPECT_EQ(lastError().find(kCert), std::string::npos);
    // Any channel and uid are signed: the checks of a build are not made here.
    EXPECT_EQ(AccessToken::GenerateSignature(kCert, kAppId, "a/b", "not a uid", "m").size(), 32u) << lastError();
    // Text that is not UTF-8 is refused in its field, as everywhere in the library.
    expectFailure(AccessToken::GenerateSignature(kCert, kAppId, "a\xff", "", "m"), AGORA_TOKEN_ERR_CHANNEL_NAME);
    expectFailure(AccessToken::GenerateSignature(kCert, kAppId, "a", "\xff", "m"), AGORA_TOKEN_ERR_USER_ACCOUNT);
}

TEST(AccessToken, MessageRawContentIsTheTokensMessage) {
    // salt 7, ts 1111111, privileges sorted by id: the layout Agora packs.
    AccessToken key(kAppId, kCert, kChannel, kUid);
    key.message_.salt = 7;
    key.message_.ts = 1111111;
    key.AddPrivilege(AccessToken::kPublishAudioStream, 0x01020304);
    key.AddPrivilege(AccessToken::kJoinChannel, 5);
    const std::string token = key.Build();
    ASSERT_FALSE(token.empty()) << lastError();
    const std::string expected("\x07\x00\x00\x00"           // salt
                               "\x47\xf4\x10\x00"           // ts 1111111
                               "\x02\x00"                   // 2 privileges
                               "\x01\x00\x05\x00\x00\x00"   // JoinChannel: 5
                               "\x02\x00\x04\x03\x02\x01",  // PublishAudioStream
                               22);
    EXPECT_EQ(key.message_raw_content_, expected);
    AccessToken parsed;
    ASSERT_TRUE(parsed.FromString(token)) << lastError();
    EXPECT_EQ(parsed.message_raw_content_, expected);

    // A failed read leaves the fields as they were.
    EXPECT_FALSE(parsed.FromString(token.substr(0, token.size() - 4)));
    EXPECT_NE(lastErrorCode(), AGORA_TOKEN_OK);
    EXPECT_EQ(parsed.message_raw_content_, expected);
}

TEST(AccessToken, IsCopyableAndKeepsThePrivilegeSpellings) {
    static_assert(std::is_copy_constructible<AccessToken>::value, "the reference passes it by value");
    static_assert(AccessToken::kJoinChannel == AccessToken::Privileges::kJoinChannel, "");
    static_assert(AccessToken::kRtmLogin == kRtmLogin, "");
    AccessToken a(kAppId, kCert, kChannel, kUid);
    a.AddPrivilege(AccessToken::kJoinChannel, 5);
    AccessToken b = a;
    b.AddPrivilege(AccessToken::kJoinChannel, 6);
    EXPECT_EQ(a.message_.messages[AccessToken::kJoinChannel], 5u);
    EXPECT_EQ(b.message_.messages[AccessToken::kJoinChannel], 6u);
}

TEST(RtmTokenBuilder, AnyRoleBuildsTheLoginToken) {
    // The reference ignores the RTM role: so does the library.
    const std::string user = RtmTokenBuilder::buildToken(kAppId, kCert, "alice", Rtm_User, 9);
    AccessToken a, b;
    ASSERT_TRUE(a.FromString(user));
    const std::string other = RtmTokenBuilder::buildToken(kAppId, kCert, "alice", static_cast<RtmUserRole>(7), 9);
    ASSERT_TRUE(b.FromString(other)) << lastError();
    EXPECT_EQ(a.message_.messages, b.message_.messages);
}

// ---------------------------------------------------------------------------
// AccessToken2 (007)

TEST(AccessToken2Reference, BuildsReadsAndVerifies) {
    AccessToken2 key(kAppId, kCert, 1111111, 600);
    key.salt_ = 1;
    std::unique_ptr<Service> rtc(new ServiceRtc(kChannel, kUid));
    rtc->AddPrivilege(ServiceRtc::kPrivilegeJoinChannel, 600);
    key.AddService(std::move(rtc));
    std::unique_ptr<Service> rtm(new ServiceRtm("alice"));
    rtm->AddPrivilege(ServiceRtm::kPrivilegeLogin, 300);
    key.AddService(std::move(rtm));
    const std::string token = key.Build();
    ASSERT_FALSE(token.empty()) << lastError();
    EXPECT_EQ(key.Build(), token);

    AccessToken2 parsed;
    ASSERT_TRUE(parsed.FromString(token)) << lastError();
    EXPECT_TRUE(parsed.parsed_);
    EXPECT_EQ(parsed.app_id_, kAppId);
    EXPECT_EQ(parsed.issue_ts_, 1111111u);
    EXPECT_EQ(parsed.expire_, 600u);
    EXPECT_EQ(parsed.salt_, 1u);
    EXPECT_EQ(parsed.signature_.size(), 32u);
    data::AccessToken2 strict;
    ASSERT_TRUE(strict.FromString(token));
    EXPECT_EQ(parsed.raw_token_buffer_, std::string(strict.Content().begin(), strict.Content().end()));
    ASSERT_EQ(parsed.services_.size(), 2u);
    auto* prtc = dynamic_cast<ServiceRtc*>(parsed.services_.find(ServiceRtc::kServiceType)->second.get());
    ASSERT_NE(prtc, nullptr);
    EXPECT_EQ(prtc->channel_name_, kChannel);
    EXPECT_EQ(prtc->account_, std::to_string(kUid));
    EXPECT_EQ(prtc->privileges_.at(ServiceRtc::kPrivilegeJoinChannel), 600u);
    auto* prtm = dynamic_cast<ServiceRtm*>(parsed.services_.find(ServiceRtm::kServiceType)->second.get());
    ASSERT_NE(prtm, nullptr);
    EXPECT_EQ(prtm->user_id_, "alice");

    EXPECT_EQ(parsed.VerifySignature(kCert), kTokenVerifySuccess);
    EXPECT_EQ(parsed.app_cert_, kCert);
    parsed.issue_ts_ = 1;  // the token read is checked, whatever the fields become
    EXPECT_EQ(parsed.VerifySignature(kCert), kTokenVerifySuccess);
    parsed.issue_ts_ = 1111111;
    EXPECT_EQ(parsed.VerifySignature(kOtherCert), kTokenVerifyFailed);
    EXPECT_EQ(parsed.VerifySignature(kCert + "123"), kTokenInvalidInfo);
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_APP_CERTIFICATE);
    EXPECT_EQ(parsed.GenerateSignature(kCert), parsed.signature_);
    EXPECT_NE(parsed.GenerateSignature(kOtherCert), parsed.signature_);
    EXPECT_EQ(parsed.GenerateSignature("short"), "");
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_APP_CERTIFICATE);
    EXPECT_EQ(verify2(token, kCert, kChannel, kUid, 1111111 + 10), VerifyResult::Ok);
}

TEST(AccessToken2Reference, UnsetIssueTsAndSaltTakeTheLibrarysDefaultsAndAreWrittenBack) {
    AccessToken2 key(kAppId, kCert, 0, 600);
    EXPECT_EQ(key.issue_ts_, 0u);
    EXPECT_EQ(key.salt_, 0u);
    key.AddService(ServiceFpa());
    const uint32_t now = static_cast<uint32_t>(std::time(nullptr));
    const std::string first = key.Build();
    ASSERT_FALSE(first.empty()) << lastError();
    EXPECT_GE(key.issue_ts_, now);
    EXPECT_LE(key.issue_ts_, now + 60);
    EXPECT_NE(key.salt_, 0u);
    EXPECT_EQ(key.Build(), first);
}

TEST(AccessToken2Reference, ServicesOfOtherTypesAreBuiltAndReadAsTheReferenceReads) {
    AccessToken2 after(kAppId, kCert, 1111111, 600);
    after.salt_ = 1;
    ServiceRtc rtc(kChannel, kUid);
    rtc.AddPrivilege(ServiceRtc::kPrivilegeJoinChannel, 600);
    after.AddService(rtc);
    std::unique_ptr<Service> other(new OtherService(999));
    other->AddPrivilege(1, 600);
    after.AddService(std::move(other));
    const std::string token = after.Build();
    ASSERT_FALSE(token.empty()) << lastError();

    AccessToken2 parsed;
    ASSERT_TRUE(parsed.FromString(token)) << lastError();
    EXPECT_EQ(parsed.services_.size(), 1u);  // reading stops at type 999
    EXPECT_EQ(parsed.services_.count(ServiceRtc::kServiceType), 1u);
    EXPECT_EQ(parsed.VerifySignature(kCert), kTokenVerifySuccess);  // the signature covers the rest
    EXPECT_EQ(parsed.VerifySignature(kOtherCert), kTokenVerifyFailed);
    data::AccessToken2 strict;  // the strict reader refuses it
    EXPECT_FALSE(strict.FromString(token));
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_SERVICE);

    // Packed sorted by type: a type-0 service comes first and hides the rest.
    AccessToken2 before(kAppId, kCert, 1111111, 600);
    before.salt_ = 1;
    before.AddService(rtc);
    before.AddService(Service(0));
    ASSERT_TRUE(parsed.FromString(before.Build())) << lastError();
    EXPECT_TRUE(parsed.services_.empty());
    EXPECT_EQ(parsed.VerifySignature(kCert), kTokenVerifySuccess);

    // A known type must come as its class.
    AccessToken2 known(kAppId, kCert, 1111111, 600);
    known.AddService(OtherService(ServiceRtc::kServiceType));
    expectFailure(known.Build(), AGORA_TOKEN_ERR_SERVICE);
}

TEST(AccessToken2Reference, AFailedReadClearsTheObject) {
    AccessToken2 parsed;
    EXPECT_EQ(parsed.VerifySignature(kCert), kTokenInvalid);
    const std::string token = ChatTokenBuilder2::BuildAppToken(kAppId, kCert, 600);
    ASSERT_TRUE(parsed.FromString(token));
    ASSERT_EQ(parsed.VerifySignature(kCert), kTokenVerifySuccess);
    EXPECT_FALSE(parsed.FromString("006invalid"));
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_VERSION);
    EXPECT_FALSE(parsed.parsed_);
    EXPECT_TRUE(parsed.services_.empty());
    EXPECT_TRUE(parsed.app_id_.empty());
    EXPECT_TRUE(parsed.signature_.empty());
    EXPECT_TRUE(parsed.raw_token_buffer_.empty());
    EXPECT_EQ(parsed.VerifySignature(kCert), kTokenInvalid);
    EXPECT_FALSE(parsed.FromString("007invalid"));
}

TEST(AccessToken2Reference, BuildRefusesWhatAgoraRejectsNamingTheField) {
    AccessToken2 badApp("invalid", kCert, 1111111, 600);
    badApp.AddService(ServiceFpa());
    expectFailure(badApp.Build(), AGORA_TOKEN_ERR_APP_ID);
    AccessToken2 badCert(kAppId, "invalid", 1111111, 600);
    badCert.AddService(ServiceFpa());
    expectFailure(badCert.Build(), AGORA_TOKEN_ERR_APP_CERTIFICATE);
    expectFailure(AccessToken2(kAppId, kCert, 1111111, 600).Build(), AGORA_TOKEN_ERR_NO_SERVICE);
    AccessToken2 slash(kAppId, kCert, 1111111, 600);
    slash.AddService(ServiceRtc("a/b", kUid));
    expectFailure(slash.Build(), AGORA_TOKEN_ERR_CHANNEL_NAME);
    AccessToken2 privilege(kAppId, kCert, 1111111, 600);
    ServiceRtm rtm("alice");
    rtm.AddPrivilege(7, 0);  // RTM defines Login (1) only
    privilege.AddService(rtm);
    expectFailure(privilege.Build(), AGORA_TOKEN_ERR_PRIVILEGE);
}

TEST(AccessToken2Reference, ServiceClassesKeepTheReferencesFieldsAndCopies) {
    ServiceRtm2::Permissions permissions;
    permissions.Add(ServiceRtm2::Permissions::kUsers, ServiceRtm2::Permissions::kRead, {"a"});
    permissions.Add(ServiceRtm2::Permissions::kUsers, ServiceRtm2::Permissions::kRead, {"b"});  // replaces
    permissions.Add(ServiceRtm2::Permissions::kMessageChannels, ServiceRtm2::Permissions::kWrite, {"c", "d"});
    const ServiceRtm2::PermissionsDetail expected = {{0, {{1, {"c", "d"}}}}, {4, {{0, {"b"}}}}};
    EXPECT_EQ(permissions.details_, expected);

    std::unique_ptr<Service> services[] = {
        std::unique_ptr<Service>(new ServiceRtc("rtc", 123u)),
        std::unique_ptr<Service>(new ServiceRtm("rtm")),
        std::unique_ptr<Service>(new ServiceStreaming("stream", "acc")),
        std::unique_ptr<Service>(new ServiceFpa()),
        std::unique_ptr<Service>(new ServiceChat("chat")),
        std::unique_ptr<Service>(new ServiceFCdn("fcdn", 0u)),
        std::unique_ptr<Service>(new ServiceApaas("room", "user", 2)),
        std::unique_ptr<Service>(new ServiceRtm2("rtm2", permissions)),
        std::unique_ptr<Service>(new ServiceConvoAI()),
        std::unique_ptr<Service>(new ServiceStt()),
        std::unique_ptr<Service>(new OtherService(999)),
    };
    for (auto& s : services) {
        // ConvoAI and STT define no privilege; every other type has an id 1.
        const bool privileged = s->type_ != ServiceConvoAI::kServiceType && s->type_ != ServiceStt::kServiceType;
        if (privileged) s->AddPrivilege(1, 600);
        std::unique_ptr<Service> clone = s->Clone();
        ASSERT_NE(clone, nullptr);
        EXPECT_EQ(typeid(*clone), typeid(*s));
        EXPECT_EQ(clone->type_, s->type_);
        EXPECT_EQ(clone->privileges_, s->privileges_);
        const std::string packed = s->PackService();
        EXPECT_FALSE(packed.empty()) << s->type_ << ": " << lastError();
        EXPECT_EQ(clone->PackService(), packed);
        if (!privileged) continue;
        clone->AddPrivilege(1, 601);
        EXPECT_NE(clone->PackService(), packed);
    }
    EXPECT_EQ(dynamic_cast<ServiceRtc&>(*services[0]).account_, "123");
    EXPECT_EQ(dynamic_cast<ServiceFCdn&>(*services[5]).account_, "");
    EXPECT_EQ(dynamic_cast<ServiceApaas&>(*services[6]).role_, 2);
    EXPECT_EQ(ServiceApaas().role_, -1);
    // The base layout: the type, then the privileges (count, then id and value each).
    EXPECT_EQ(Pack(services[10].get()), std::string("\xe7\x03\x01\x00\x01\x00\x58\x02\x00\x00", 10));
    EXPECT_EQ(Pack(nullptr), "");
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_NULL_ARGUMENT);
}

namespace {
/// The content of a token holding this one service (issue_ts 1111111, salt 1).
std::string contentWith(const Service& service) {
    AccessToken2 key(kAppId, kCert, 1111111, 600);
    key.salt_ = 1;
    key.AddService(service);
    const std::string token = key.Build();
    EXPECT_FALSE(token.empty()) << lastError();
    AccessToken2 parsed;
    EXPECT_TRUE(parsed.FromString(token)) << lastError();
    return parsed.raw_token_buffer_;
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
}  // namespace

TEST(AccessToken2Reference, PackServiceIsTheServicesBytesInAToken) {
    // A known type: the base layout, then its fields (Chat: the user id).
    ServiceChat chat("chat");
    chat.AddPrivilege(ServiceChat::kPrivilegeUser, 600);
    const std::string packed = chat.PackService();
    EXPECT_EQ(packed, std::string("\x05\x00"                  // type 5
                                  "\x01\x00"                  // 1 privilege
                                  "\x01\x00\x58\x02\x00\x00"  // User: 600
                                  "\x04\x00"
                                  "chat",
                                  16));
    EXPECT_EQ(Pack(&chat), packed);
    // A token's content ends with its one service, after a count of 1.
    EXPECT_TRUE(endsWith(contentWith(chat), std::string("\x01\x00", 2) + packed));

    ServiceRtm2::Permissions permissions;
    permissions.Add(ServiceRtm2::Permissions::kUsers, ServiceRtm2::Permissions::kRead, {"a", "b"});
    ServiceRtm2 rtm2("alice", permissions);
    rtm2.AddPrivilege(ServiceRtm2::kPrivilegeLogin, 60);
    ServiceRtc rtc(kChannel, kUid);
    rtc.AddPrivilege(ServiceRtc::kPrivilegeJoinChannel, 60);
    ServiceApaas apaas("room", "user", 2);
    apaas.AddPrivilege(ServiceApaas::kPrivilegeRoomUser, 60);
    for (Service* s : std::initializer_list<Service*>{&rtm2, &rtc, &apaas}) {
        const std::string bytes = s->PackService();
        ASSERT_FALSE(bytes.empty()) << s->type_ << ": " << lastError();
        EXPECT_TRUE(endsWith(contentWith(*s), std::string("\x01\x00", 2) + bytes)) << s->type_;
    }

    // Another type (a base-class service): the type, then the privileges.
    OtherService other(999);
    other.AddPrivilege(1, 600);
    other.AddPrivilege(2, 0);
    const std::string base = other.PackService();
    EXPECT_EQ(base, std::string("\xe7\x03\x02\x00\x01\x00\x58\x02\x00\x00\x02\x00\x00\x00\x00\x00", 16));
    EXPECT_EQ(Service(0).PackService(), std::string("\x00\x00\x00\x00", 4));  // the base class itself
    AccessToken2 key(kAppId, kCert, 1111111, 600);
    key.salt_ = 1;
    key.AddService(chat);
    key.AddService(other);
    AccessToken2 parsed;
    ASSERT_TRUE(parsed.FromString(key.Build())) << lastError();
    EXPECT_TRUE(endsWith(parsed.raw_token_buffer_, packed + base));  // sorted by type: chat, then 999
}

TEST(AccessToken2Reference, PackServiceRefusesWhatABuildRefuses) {
    ServiceRtc slash("a/b", kUid);
    expectFailure(slash.PackService(), AGORA_TOKEN_ERR_CHANNEL_NAME);
    ServiceRtm rtm("alice");
    rtm.AddPrivilege(7, 0);  // RTM defines Login (1) only
    expectFailure(rtm.PackService(), AGORA_TOKEN_ERR_PRIVILEGE);
    ServiceApaas apaas("room", "user", 2);
    apaas.AddPrivilege(ServiceApaas::kPrivilegeRoomUser, 60);
    apaas.user_uuid_.push_back('\xff');  // not UTF-8
    expectFailure(apaas.PackService(), AGORA_TOKEN_ERR_USER_UUID);
    // A known type must come as its class, not as the base layout.
    OtherService known(ServiceRtc::kServiceType);
    expectFailure(known.PackService(), AGORA_TOKEN_ERR_SERVICE);
    expectFailure(Pack(&known), AGORA_TOKEN_ERR_SERVICE);
    expectFailure(Pack(nullptr), AGORA_TOKEN_ERR_NULL_ARGUMENT);
}

TEST(AccessToken2Reference, AServiceForUidZeroAdmitsAnyUser) {
    AccessToken2 key(kAppId, kCert, 1111111, 600);
    ServiceRtc rtc(kChannel, 0u);
    EXPECT_EQ(rtc.account_, "");
    rtc.AddPrivilege(ServiceRtc::kPrivilegeJoinChannel, 0);
    key.AddService(rtc);
    const std::string token = key.Build();
    ASSERT_FALSE(token.empty()) << lastError();
    EXPECT_EQ(verify2(token, kCert, kChannel, 42, 1111111 + 5), VerifyResult::Ok);
    AccessToken2 parsed;
    ASSERT_TRUE(parsed.FromString(token));
    EXPECT_EQ(dynamic_cast<ServiceRtc&>(*parsed.services_.begin()->second).account_, "");
}

TEST(AccessToken2Reference, NullAndCopiedServices) {
    AccessToken2 key(kAppId, kCert, 1111111, 600);
    key.AddService(std::unique_ptr<Service>());
    EXPECT_TRUE(key.services_.empty());
    ServiceChat chat("bob");
    chat.AddPrivilege(ServiceChat::kPrivilegeUser, 60);
    key.AddService(chat);
    chat.user_id_ = "changed";
    ASSERT_EQ(key.services_.size(), 1u);
    EXPECT_EQ(dynamic_cast<ServiceChat&>(*key.services_.begin()->second).user_id_, "bob");
    EXPECT_EQ(AccessToken2::Version(), "007");
}
