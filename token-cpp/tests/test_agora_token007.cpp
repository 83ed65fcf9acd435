// GoogleTest suite of the C++ AccessToken2 (007) API in agora_token.hpp: every
// reference-named builder, the data form (data::AccessToken2), verify2,
// failures. The reference's classes themselves: test_reference_classes.cpp.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "agora_token.hpp"

using namespace agora::tools;
using namespace std::string_literals;

namespace {

const std::string kAppId = "970CA35de60c44645bbae8a215061b33";
const std::string kCert = "5CFd2fd1755d40ecb72977518be15d3b";
const std::string kChannel = "7d72365eb983485397e3e3f9d460bdda";
const uint32_t kUid = 2882341273u;
const uint32_t kIssueTs = 1111111, kSalt = 1;
// build007 p-build007-0001: RTC uid 2882341273 with JoinChannel 600, expire 600.
const std::string kSample =
    "007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoA"
    "wBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj";

using Services = std::vector<std::shared_ptr<Service>>;

/// The same token described with the reference's classes, pinned like the named builder's.
std::string viaData(uint32_t expire, const Services& services) {
    AccessToken2 t(kAppId, kCert, kIssueTs, expire);
    t.salt_ = kSalt;
    for (const auto& s : services) t.AddService(*s);
    const std::string token = t.Build();
    EXPECT_FALSE(token.empty()) << lastError();
    return token;
}

template <class S>
std::shared_ptr<Service> with(S s, std::initializer_list<std::pair<uint16_t, uint32_t>> privileges) {
    for (const auto& p : privileges) s.AddPrivilege(p.first, p.second);
    return std::make_shared<S>(s);
}

void expectFailure(const std::string& token, int code) {
    EXPECT_EQ(token, "");
    EXPECT_EQ(lastErrorCode(), code) << lastError();
    EXPECT_EQ(lastError().rfind(errorName(code) + ":", 0), 0u) << lastError();
}

}  // namespace

TEST(RtcTokenBuilder2, WritesTheAgoraSample) {
    ScopedPin pin(kIssueTs, kSalt);
    EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, kChannel, kUid, UserRole::kRoleSubscriber, 600, 600),
              kSample);
    EXPECT_EQ(static_cast<int>(UserRole::kRolePublisher), 1);
    EXPECT_EQ(static_cast<int>(UserRole::kRoleSubscriber), 2);
}

TEST(RtcTokenBuilder2, EveryBuilderWritesWhatItsDataDescribes) {
    ScopedPin pin(kIssueTs, kSalt);
    const int64_t J = ServiceRtc::kPrivilegeJoinChannel, A = ServiceRtc::kPrivilegePublishAudioStream,
                  V = ServiceRtc::kPrivilegePublishVideoStream, D = ServiceRtc::kPrivilegePublishDataStream;
    EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, "room", 7, UserRole::kRolePublisher, 600, 60),
              viaData(600, {with(ServiceRtc("room", 7u), {{J, 60}, {A, 60}, {V, 60}, {D, 60}})}));
    EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, "room", 7, UserRole::kRoleSubscriber, 600),
              viaData(600, {with(ServiceRtc("room", 7u), {{J, 0}})}));
    EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithUserAccount(kAppId, kCert, "room", "alice", UserRole::kRolePublisher,
                                                          600, 30),
              viaData(600, {with(ServiceRtc("room", "alice"s), {{J, 30}, {A, 30}, {V, 30}, {D, 30}})}));
    EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, "room", 7, 600, 1, 2, 3, 4),
              viaData(600, {with(ServiceRtc("room", 7u), {{J, 1}, {A, 2}, {V, 3}, {D, 4}})}));
    EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithUserAccount(kAppId, kCert, "room", "alice", 600, 1, 2, 3, 4),
              viaData(600, {with(ServiceRtc("room", "alice"s), {{J, 1}, {A, 2}, {V, 3}, {D, 4}})}));
    EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithRtm(kAppId, kCert, "room", "alice", UserRole::kRoleSubscriber, 600, 50),
              viaData(600, {with(ServiceRtc("room", "alice"s), {{J, 50}}),
                            with(ServiceRtm("alice"), {{ServiceRtm::kPrivilegeLogin, 600}})}));
    const Services rtm2 = {with(ServiceRtc("room", "alice"s), {{J, 1}, {A, 2}, {V, 3}, {D, 4}}),
                                       with(ServiceRtm("bob"), {{ServiceRtm::kPrivilegeLogin, 700}})};
    EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithRtm2(kAppId, kCert, "room", "alice", UserRole::kRolePublisher, 600, 1, 2,
                                                   3, 4, "bob", 700),
              viaData(600, rtm2));
    Services convo = rtm2;
    convo.push_back(with(ServiceConvoAI(), {}));
    EXPECT_EQ(ConvoAITokenBuilder::BuildToken(kAppId, kCert, "room", "alice", UserRole::kRolePublisher, 600, 1, 2, 3,
                                              4, "bob", 700),
              viaData(600, convo));
    Services stt = rtm2;
    stt.push_back(with(ServiceStt(), {}));
    EXPECT_EQ(SttTokenBuilder::BuildToken(kAppId, kCert, "room", "alice", UserRole::kRolePublisher, 600, 1, 2, 3, 4,
                                          "bob", 700),
              viaData(600, stt));
    // A subscriber's RTM2 form grants JoinChannel only.
    EXPECT_EQ(RtcTokenBuilder2::BuildTokenWithRtm2(kAppId, kCert, "room", "alice", UserRole::kRoleSubscriber, 600, 1,
                                                   2, 3, 4, "bob", 700),
              viaData(600, {with(ServiceRtc("room", "alice"s), {{J, 1}}),
                            with(ServiceRtm("bob"), {{ServiceRtm::kPrivilegeLogin, 700}})}));
}

TEST(OtherBuilders, EveryBuilderWritesWhatItsDataDescribes) {
    ScopedPin pin(kIssueTs, kSalt);
    EXPECT_EQ(RtmTokenBuilder2::BuildToken(kAppId, kCert, "bob", 900),
              viaData(900, {with(ServiceRtm("bob"), {{ServiceRtm::kPrivilegeLogin, 900}})}));
    ServiceRtm2::Permissions permissions;
    permissions.Add(ServiceRtm2::Permissions::kUsers, ServiceRtm2::Permissions::kRead, {"u1", "u2"});
    permissions.Add(ServiceRtm2::Permissions::kMessageChannels, ServiceRtm2::Permissions::kWrite, {"c1"});
    EXPECT_EQ(RtmTokenBuilder2::BuildToken(kAppId, kCert, "bob", permissions, 900),
              viaData(900, {with(ServiceRtm2("bob", permissions), {{ServiceRtm2::kPrivilegeLogin, 900}})}));
    EXPECT_EQ(ChatTokenBuilder2::BuildUserToken(kAppId, kCert, "bob", 60),
              viaData(60, {with(ServiceChat("bob"), {{ServiceChat::kPrivilegeUser, 60}})}));
    EXPECT_EQ(ChatTokenBuilder2::BuildAppToken(kAppId, kCert, 60),
              viaData(60, {with(ServiceChat(""), {{ServiceChat::kPrivilegeApp, 60}})}));
    EXPECT_EQ(FpaTokenBuilder::BuildToken(kAppId, kCert),
              viaData(86400, {with(ServiceFpa(), {{ServiceFpa::kPrivilegeLogin, 0}})}));
    // APaaS room user: the chat user id is the MD5 of the user uuid (token-core computes it).
    const std::string md5 = "e4774cdda0793f86414e8b9140bb6db4";  // md5("u1")
    const Services roomUser = {
        with(ServiceApaas("r1", "u1", 3), {{ServiceApaas::kPrivilegeRoomUser, 60}}),
        with(ServiceRtm("u1"), {{ServiceRtm::kPrivilegeLogin, 60}}),
        with(ServiceChat(md5), {{ServiceChat::kPrivilegeUser, 60}}),
    };
    EXPECT_EQ(ApaasTokenBuilder::BuildRoomUserToken(kAppId, kCert, "r1", "u1", 3, 60), viaData(60, roomUser));
    EXPECT_EQ(EducationTokenBuilder2::BuildRoomUserToken(kAppId, kCert, "r1", "u1", 3, 60), viaData(60, roomUser));
    const Services user = {with(ServiceApaas("", "u1"), {{ServiceApaas::kPrivilegeUser, 60}})};
    EXPECT_EQ(ApaasTokenBuilder::BuildUserToken(kAppId, kCert, "u1", 60), viaData(60, user));
    EXPECT_EQ(EducationTokenBuilder2::BuildUserToken(kAppId, kCert, "u1", 60), viaData(60, user));
    const Services app = {with(ServiceApaas(), {{ServiceApaas::kPrivilegeApp, 60}})};
    EXPECT_EQ(ApaasTokenBuilder::BuildAppToken(kAppId, kCert, 60), viaData(60, app));
    EXPECT_EQ(EducationTokenBuilder2::BuildAppToken(kAppId, kCert, 60), viaData(60, app));
}

TEST(Builders2, WithoutAPinEachTokenIsFreshAndVerifies) {
    const std::string a = RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, "room", 7, UserRole::kRolePublisher, 600);
    const std::string b = RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, "room", 7, UserRole::kRolePublisher, 600);
    ASSERT_FALSE(a.empty());
    EXPECT_NE(a, b);
    AccessToken2 t;
    ASSERT_TRUE(t.FromString(a));
    EXPECT_EQ(verify2(a, kCert, "room", 7, t.issue_ts_), VerifyResult::Ok);
    {
        ScopedPin outer(5, 6);
        { ScopedPin inner(7, 8); }
        AccessToken2 p;
        ASSERT_TRUE(p.FromString(FpaTokenBuilder::BuildToken(kAppId, kCert)));
        EXPECT_EQ(p.issue_ts_, 5u);  // the outer pin is back
        EXPECT_EQ(p.salt_, 6u);
    }
}

TEST(Builders2, FailuresNameTheField) {
    expectFailure(RtcTokenBuilder2::BuildTokenWithUid("bad", kCert, "room", 7, UserRole::kRolePublisher, 600),
                  AGORA_TOKEN_ERR_APP_ID);
    expectFailure(RtcTokenBuilder2::BuildTokenWithUid(kAppId, "", "room", 7, UserRole::kRolePublisher, 600),
                  AGORA_TOKEN_ERR_APP_CERTIFICATE);
    EXPECT_EQ(lastError().find(kCert.substr(0, 8)), std::string::npos);
    expectFailure(RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, "", 7, UserRole::kRolePublisher, 600),
                  AGORA_TOKEN_ERR_CHANNEL_NAME);
    expectFailure(RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, "ro\0om"s, 7, UserRole::kRolePublisher, 600),
                  AGORA_TOKEN_ERR_CHANNEL_NAME);
    expectFailure(RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, "room", 7, Role_Admin, 600), AGORA_TOKEN_ERR_ROLE);
    expectFailure(RtcTokenBuilder2::BuildTokenWithUserAccount(kAppId, kCert, "room", "", UserRole::kRolePublisher, 6),
                  AGORA_TOKEN_ERR_USER_ACCOUNT);
    expectFailure(RtcTokenBuilder2::BuildTokenWithRtm2(kAppId, kCert, "room", "alice", UserRole::kRolePublisher, 600, 0,
                                                       0, 0, 0, "", 0),
                  AGORA_TOKEN_ERR_USER_ID);
    expectFailure(RtmTokenBuilder2::BuildToken(kAppId, kCert, std::string(256, 'u'), 60), AGORA_TOKEN_ERR_USER_ID);
    expectFailure(ChatTokenBuilder2::BuildUserToken(kAppId, kCert, "", 60), AGORA_TOKEN_ERR_USER_ID);
    data::AccessToken2 twice(kAppId, kCert);  // the reference's Permissions replaces a pair; data can repeat one
    data::Service rtm2(ServiceRtm2::kServiceType);
    rtm2.userId = "bob";
    rtm2.permissions = {{ServiceRtm2::Permissions::kUsers, ServiceRtm2::Permissions::kRead, {"a"}},
                        {ServiceRtm2::Permissions::kUsers, ServiceRtm2::Permissions::kRead, {"b"}}};
    twice.AddService(rtm2);
    expectFailure(twice.Build(), AGORA_TOKEN_ERR_PERMISSION);
    ServiceRtm2::Permissions bad;
    bad.Add(5, 0, {});
    expectFailure(RtmTokenBuilder2::BuildToken(kAppId, kCert, "bob", bad), AGORA_TOKEN_ERR_PERMISSION);
    expectFailure(ApaasTokenBuilder::BuildRoomUserToken(kAppId, kCert, "r", std::string(65536, 'u'), 1, 60),
                  AGORA_TOKEN_ERR_USER_UUID);
    expectFailure(FpaTokenBuilder::BuildToken(kAppId, "0000"), AGORA_TOKEN_ERR_APP_CERTIFICATE);
}

TEST(Builders2, TokensLongerThanTheStackBufferAreBuiltAgainIntoTheHeap) {
    std::string uuid;  // incompressible enough to make a long token
    uint32_t x = 12345;
    for (int i = 0; i < 3000; ++i) {
        x = x * 1103515245u + 12345u;
        uuid.push_back(static_cast<char>('a' + (x >> 16) % 26));
    }
    const std::string token = ApaasTokenBuilder::BuildUserToken(kAppId, kCert, uuid, 60);
    ASSERT_GT(token.size(), 1024u) << lastError();
    AccessToken2 t;
    ASSERT_TRUE(t.FromString(token)) << lastError();
    ASSERT_EQ(t.services_.size(), 1u);
    EXPECT_EQ(dynamic_cast<const ServiceApaas&>(*t.services_.begin()->second).user_uuid_, uuid);
    data::AccessToken2 d;
    ASSERT_TRUE(d.FromString(token)) << lastError();
    ASSERT_EQ(d.Services().size(), 1u);
    EXPECT_EQ(d.Services()[0].userUuid, uuid);
}

TEST(DataAccessToken2, BuildsParsesAndVerifies) {
    data::AccessToken2 t(kAppId, kCert, kIssueTs, 600);
    t.SetSalt(kSalt);
    data::Service rtc(ServiceRtc::kServiceType);
    rtc.channelName = kChannel;
    rtc.uid = kUid;
    rtc.AddPrivilege(ServiceRtc::kPrivilegeJoinChannel, 600);
    t.AddService(rtc);
    EXPECT_EQ(t.Build(), kSample);

    data::AccessToken2 p;
    ASSERT_TRUE(p.FromString(kSample));
    EXPECT_EQ(p.AppId(), kAppId);
    EXPECT_EQ(p.IssueTs(), kIssueTs);
    EXPECT_EQ(p.Expire(), 600);
    EXPECT_EQ(p.Salt(), kSalt);
    ASSERT_EQ(p.Services().size(), 1u);
    const data::Service& s = p.Services()[0];
    EXPECT_EQ(s.ServiceType(), ServiceRtc::kServiceType);
    EXPECT_EQ(s.channelName, kChannel);
    EXPECT_EQ(s.userAccount, "2882341273");
    EXPECT_EQ(s.privilege(ServiceRtc::kPrivilegeJoinChannel), 600);
    EXPECT_EQ(p.Signature().size(), 32u);
    EXPECT_GT(p.Content().size(), 34u);
    EXPECT_TRUE(p.VerifySignature(kCert));
    EXPECT_FALSE(p.VerifySignature("5cfd2fd1755d40ecb72977518be15d3b"));  // the certificate's case matters
    EXPECT_FALSE(p.VerifySignature("short"));
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_APP_CERTIFICATE);

    // A failed read leaves the object as it was.
    EXPECT_FALSE(p.FromString("007AAAA"));
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_ZLIB);
    EXPECT_EQ(p.AppId(), kAppId);
    EXPECT_TRUE(p.VerifySignature(kCert));
    data::AccessToken2 fresh;
    EXPECT_FALSE(fresh.VerifySignature(kCert));
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_NULL_ARGUMENT);
}

TEST(DataAccessToken2, DataErrorsFollowTheInvalid007Rules) {
    auto build = [](std::function<void(data::AccessToken2&)> edit) {
        data::AccessToken2 t(kAppId, kCert, kIssueTs, 600);
        data::Service rtc(ServiceRtc::kServiceType);
        rtc.channelName = "room";
        rtc.uid = 1;
        t.AddService(rtc);
        edit(t);
        return t.Build();
    };
    EXPECT_NE(build([](data::AccessToken2&) {}), "");
    expectFailure(build([](data::AccessToken2& t) { t.SetSalt(-1); }), AGORA_TOKEN_ERR_SALT);
    expectFailure(build([](data::AccessToken2& t) { t.SetIssueTs(4294967296LL); }), AGORA_TOKEN_ERR_ISSUE_TS);
    expectFailure(build([](data::AccessToken2& t) { t.SetExpire(-1); }), AGORA_TOKEN_ERR_EXPIRE);
    expectFailure(data::AccessToken2(kAppId, kCert).Build(), AGORA_TOKEN_ERR_NO_SERVICE);
    auto one = [](data::Service s) {
        data::AccessToken2 t(kAppId, kCert);
        t.AddService(s);
        return t.Build();
    };
    data::Service bad(ServiceRtc::kServiceType);
    bad.channelName = "room";
    bad.uid = -1;
    expectFailure(one(bad), AGORA_TOKEN_ERR_UID);
    bad.uid = 1;
    bad.AddPrivilege(ServiceRtc::kPrivilegeJoinChannel, 4294967296LL);
    expectFailure(one(bad), AGORA_TOKEN_ERR_EXPIRE_TS);
    data::Service twice(ServiceRtc::kServiceType);
    twice.channelName = "room";
    twice.uid = 1;
    twice.AddPrivilege(1, 0);
    twice.AddPrivilege(1, 5);
    expectFailure(one(twice), AGORA_TOKEN_ERR_PRIVILEGE);
    expectFailure(one(data::Service(11)), AGORA_TOKEN_ERR_SERVICE);  // types outside 1..10: AddOtherService
    data::Service apaas(ServiceApaas::kServiceType);
    apaas.role = 32768;
    expectFailure(one(apaas), AGORA_TOKEN_ERR_ROLE);
    data::Service rtm(ServiceRtm::kServiceType);
    rtm.userId = "";
    expectFailure(one(rtm), AGORA_TOKEN_ERR_USER_ID);
    data::AccessToken2 known(kAppId, kCert);
    known.AddOtherService(data::OtherService{ServiceRtc::kServiceType, {}});
    expectFailure(known.Build(), AGORA_TOKEN_ERR_SERVICE);
}

TEST(Verify2, EveryResult) {
    const uint32_t now = kIssueTs + 10;
    EXPECT_EQ(verify2(kSample, kCert, now), VerifyResult::Ok);
    EXPECT_EQ(verify2(kSample, kCert, kIssueTs + 601), VerifyResult::Expired);
    EXPECT_EQ(verify2(kSample, "00000000000000000000000000000000", now), VerifyResult::SignatureMismatch);
    EXPECT_EQ(verify2(kSample, kCert, kChannel, kUid, now), VerifyResult::Ok);
    EXPECT_EQ(verify2UserAccount(kSample, kCert, kChannel, "2882341273", now), VerifyResult::Ok);
    EXPECT_EQ(verify2(kSample, kCert, "other", kUid, now), VerifyResult::ChannelMismatch);
    EXPECT_EQ(verify2(kSample, kCert, kChannel, 1, now), VerifyResult::UidMismatch);
    EXPECT_EQ(verify2(kSample, kCert, kChannel, kUid, now, "0000000000000000000000000000000a"s),
              VerifyResult::AppIdMismatch);
    {
        ScopedPin pin(kIssueTs, kSalt);
        const std::string chat = ChatTokenBuilder2::BuildAppToken(kAppId, kCert, 600);
        EXPECT_EQ(verify2(chat, kCert, kChannel, kUid, now), VerifyResult::ServiceMissing);
        EXPECT_EQ(verifyResultName(VerifyResult::ServiceMissing), "service_missing");
        const std::string subscriber =
            RtcTokenBuilder2::BuildTokenWithUid(kAppId, kCert, kChannel, 0, UserRole::kRoleSubscriber, 600, 5);
        EXPECT_EQ(verify2(subscriber, kCert, kChannel, 42, kIssueTs + 6), VerifyResult::PrivilegeExpired);
    }
    EXPECT_EQ(verify2("007AAAA", kCert, now), std::nullopt);
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_ZLIB);
    EXPECT_EQ(verify2(kSample, kCert, -1), std::nullopt);
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_NOW);
    EXPECT_EQ(verify2(kSample, "", now), std::nullopt);
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_APP_CERTIFICATE);
}

TEST(Builders2, ThreadsKeepTheirOwnPinsAndErrors) {
    std::vector<std::thread> threads;
    std::vector<int> ok(4, 0);
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([i, &ok] {
            ScopedPin pin(100u + static_cast<uint32_t>(i), 1);
            for (int n = 0; n < 50; ++n) {
                if (i % 2) {
                    if (!FpaTokenBuilder::BuildToken(kAppId, "x").empty() ||
                        lastErrorCode() != AGORA_TOKEN_ERR_APP_CERTIFICATE)
                        return;
                } else {
                    AccessToken2 t;
                    if (!t.FromString(FpaTokenBuilder::BuildToken(kAppId, kCert)) || t.issue_ts_ != 100u + i) return;
                }
            }
            ok[i] = 1;
        });
    }
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(ok, std::vector<int>(4, 1));
}
