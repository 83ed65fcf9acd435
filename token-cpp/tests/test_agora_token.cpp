// GoogleTest suite of the C++ binding (include/agora_token.hpp).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "agora_token.hpp"

using namespace agora::tools;

namespace {

const std::string kAppId = "970CA35de60c44645bbae8a215061b33";
const std::string kCert = "5CFd2fd1755d40ecb72977518be15d3b";
const std::string kChannel = "7d72365eb983485397e3e3f9d460bdda";
const uint32_t kUid = 2882341273u;
const std::string kSample =
    "006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/"
    "QQAAEAAQCvKDdW";

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// The failure left in lastError() names `category` and never holds the certificate.
void expectFailure(int code) {
    EXPECT_EQ(lastErrorCode(), code);
    EXPECT_TRUE(startsWith(lastError(), errorName(code) + ":")) << lastError();
    EXPECT_EQ(lastError().find(kCert), std::string::npos);
    EXPECT_EQ(lastError().find("5CFd2fd1"), std::string::npos);
}

}  // namespace

static_assert(!std::is_copy_constructible_v<SimpleTokenBuilder>, "move-only");
static_assert(!std::is_copy_assignable_v<SimpleTokenBuilder>, "move-only");
static_assert(std::is_nothrow_move_constructible_v<SimpleTokenBuilder>, "noexcept move");
static_assert(std::is_nothrow_move_assignable_v<SimpleTokenBuilder>, "noexcept move");

TEST(SimpleTokenBuilder, BuildsAgorasSampleToken) {
    SimpleTokenBuilder b(kAppId, kCert, kChannel, kUid);
    ASSERT_TRUE(b.valid());
    EXPECT_TRUE(b.setSalt(1));
    EXPECT_TRUE(b.setTs(1111111));
    EXPECT_TRUE(b.setPrivilege(kJoinChannel, 1446455471u));
    EXPECT_EQ(b.buildToken(), kSample);
}

TEST(SimpleTokenBuilder, ReferenceSampleSpellingsCompile) {
    // As Agora's cpp/sample/sample_builder.cpp writes it.
    SimpleTokenBuilder builder(kAppId, kCert, kChannel, kUid);
    EXPECT_TRUE(builder.initPrivileges(Role::Role_Attendee));
    EXPECT_TRUE(builder.setPrivilege(AccessToken::Privileges::kJoinChannel, 0));
    // Agora's AccessToken docs write the enum's members at class scope.
    EXPECT_TRUE(builder.setPrivilege(AccessToken::kJoinChannel, 0));
    EXPECT_TRUE(builder.setPrivilege(AccessToken::kRtmLogin, 0));
    EXPECT_TRUE(builder.removePrivilege(AccessToken::kRtmLogin));
    static_assert(AccessToken::kAdministrateChannel == kAdministrateChannel, "class-scope spelling");
    static_assert(AccessToken::kInvitePublishDataStream == AccessToken::Privileges::kInvitePublishDataStream, "");
    builder.setSalt(3);
    builder.setTs(4);
    auto info = parse(builder.buildToken());
    ASSERT_TRUE(info);
    const std::vector<TokenPrivilege> expected = {{1, 0}, {2, 0}, {3, 0}, {4, 0}};
    EXPECT_EQ(info->privileges, expected);

    const std::string byUid =
        SimpleTokenBuilder::buildTokenWithUid(kAppId, kCert, kChannel, kUid, UserRole::Role_Attendee, 100);
    EXPECT_EQ(verify(byUid, kCert, kChannel, kUid, 100), VerifyResult::Ok);
    const std::string byAccount = SimpleTokenBuilder::buildTokenWithUserAccount(kAppId, kCert, kChannel, "2882341273",
                                                                                UserRole::Role_Attendee, 100);
    EXPECT_EQ(verify(byAccount, kCert, kChannel, kUid, 100), VerifyResult::Ok);
    EXPECT_EQ(SimpleTokenBuilder::buildTokenWithUid(kAppId, kCert, "", kUid, Role_Admin), "");
    expectFailure(AGORA_TOKEN_ERR_CHANNEL_NAME);
    EXPECT_EQ(SimpleTokenBuilder::buildTokenWithUserAccount(kAppId, kCert, kChannel, "", Role_Admin), "");
    expectFailure(AGORA_TOKEN_ERR_USER_ACCOUNT);
}

TEST(SimpleTokenBuilder, UserAccountIsTheSameUserAsItsUid) {
    SimpleTokenBuilder b(kAppId, kCert, kChannel, std::string("2882341273"));
    ASSERT_TRUE(b.valid());
    ASSERT_TRUE(b.initTokenBuilder(kSample));
    // initTokenBuilder takes the privileges only; salt and ts are drawn afresh.
    EXPECT_EQ(b.salt(), std::nullopt);
    EXPECT_EQ(b.ts(), std::nullopt);
    b.setSalt(1);
    b.setTs(1111111);
    EXPECT_EQ(b.buildToken(), kSample);
}

TEST(SimpleTokenBuilder, DefaultUidIsZeroAndSignsTheEmptyString) {
    SimpleTokenBuilder b(kAppId, kCert, kChannel);
    ASSERT_TRUE(b.valid());
    auto info = parse(b.buildToken());
    ASSERT_TRUE(info);
    EXPECT_EQ(info->crcUid, 0u);  // CRC32 of ""
    EXPECT_TRUE(info->privileges.empty());
}

TEST(SimpleTokenBuilder, DefaultConstructedIsInvalidAndSaysSo) {
    SimpleTokenBuilder b;
    EXPECT_FALSE(b.valid());
    EXPECT_FALSE(static_cast<bool>(b));
    EXPECT_EQ(b.buildToken(), "");
    expectFailure(AGORA_TOKEN_ERR_NULL_ARGUMENT);
    EXPECT_FALSE(b.setPrivilege(kJoinChannel));
    EXPECT_FALSE(b.removePrivilege(kJoinChannel));
    EXPECT_FALSE(b.initPrivileges(Role_Publisher));
    EXPECT_FALSE(b.initTokenBuilder(kSample));
    EXPECT_FALSE(b.setSalt(1));
    EXPECT_FALSE(b.clearSalt());
    EXPECT_FALSE(b.setTs(1));
    EXPECT_FALSE(b.clearTs());
    EXPECT_FALSE(b.salt());
    EXPECT_FALSE(b.ts());
    EXPECT_EQ(b.native(), nullptr);
}

TEST(SimpleTokenBuilder, InvalidInputGivesAnInvalidBuilderThatRepeatsWhy) {
    struct Case {
        std::string appId, cert, channel;
        int code;
    };
    const std::vector<Case> cases = {
        {"970CA35de60c44645bbae8a215061b3", kCert, kChannel, AGORA_TOKEN_ERR_APP_ID},
        {"970CA35de60c44645bbae8a215061b3x", kCert, kChannel, AGORA_TOKEN_ERR_APP_ID},
        {kAppId, "5CFd2fd1755d40ecb72977518be15d3", kChannel, AGORA_TOKEN_ERR_APP_CERTIFICATE},
        {kAppId, "5CFd2fd1755d40ecb72977518be15d3bb", kChannel, AGORA_TOKEN_ERR_APP_CERTIFICATE},
        {kAppId, "5CFd2fd1755d40ecb72977518be15d3z", kChannel, AGORA_TOKEN_ERR_APP_CERTIFICATE},
        {kAppId, kCert, "", AGORA_TOKEN_ERR_CHANNEL_NAME},
        {kAppId, kCert, std::string(65, 'c'), AGORA_TOKEN_ERR_CHANNEL_NAME},
        {kAppId, kCert, "a/b", AGORA_TOKEN_ERR_CHANNEL_NAME},
        {kAppId, kCert, "\xff\xfe", AGORA_TOKEN_ERR_CHANNEL_NAME},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.appId + " / " + c.channel);
        SimpleTokenBuilder b(c.appId, c.cert, c.channel, 1u);
        EXPECT_FALSE(b.valid());
        expectFailure(c.code);
        const std::string first = lastError();
        EXPECT_EQ(b.buildToken(), "");
        expectFailure(c.code);
        EXPECT_EQ(lastError(), first);
    }
    for (const std::string& account : {std::string(), std::string(256, 'u'), std::string("a\"b"), std::string("\xc3\xa9")}) {
        SimpleTokenBuilder b(kAppId, kCert, kChannel, account);
        EXPECT_FALSE(b.valid());
        expectFailure(AGORA_TOKEN_ERR_USER_ACCOUNT);
    }
}

TEST(SimpleTokenBuilder, EmbeddedNulIsRefusedNotTruncated) {
    using namespace std::string_literals;
    SimpleTokenBuilder a(kAppId + "\0"s, kCert, kChannel, 1u);
    EXPECT_FALSE(a.valid());
    expectFailure(AGORA_TOKEN_ERR_APP_ID);
    SimpleTokenBuilder c(kAppId, kCert + "\0"s, kChannel, 1u);
    EXPECT_FALSE(c.valid());
    expectFailure(AGORA_TOKEN_ERR_APP_CERTIFICATE);
    SimpleTokenBuilder ch(kAppId, kCert, "room\0x"s, 1u);
    EXPECT_FALSE(ch.valid());
    expectFailure(AGORA_TOKEN_ERR_CHANNEL_NAME);
    SimpleTokenBuilder u(kAppId, kCert, kChannel, "bob\0x"s);
    EXPECT_FALSE(u.valid());
    expectFailure(AGORA_TOKEN_ERR_USER_ACCOUNT);

    SimpleTokenBuilder b(kAppId, kCert, kChannel, kUid);
    EXPECT_FALSE(b.initTokenBuilder(kSample + "\0"s));
    expectFailure(AGORA_TOKEN_ERR_BASE64);
    EXPECT_FALSE(b.initTokenBuilder("00\0"s));
    expectFailure(AGORA_TOKEN_ERR_VERSION);
    EXPECT_FALSE(parse("006970CA35de\0"s));
    expectFailure(AGORA_TOKEN_ERR_APP_ID);
    EXPECT_FALSE(verify(kSample + "\0"s, kCert, kChannel, kUid, 0));
    expectFailure(AGORA_TOKEN_ERR_BASE64);
    EXPECT_FALSE(verifyUserAccount(kSample, kCert, kChannel, "a\0"s, 0));
    expectFailure(AGORA_TOKEN_ERR_USER_ACCOUNT);
    EXPECT_EQ(RtcTokenBuilder::buildTokenWithUid(kAppId, kCert, "c\0"s, 1, Role_Publisher), "");
    expectFailure(AGORA_TOKEN_ERR_CHANNEL_NAME);
    EXPECT_EQ(RtmTokenBuilder::buildToken(kAppId, kCert, "u\0"s, Rtm_User), "");
    expectFailure(AGORA_TOKEN_ERR_USER_ACCOUNT);
}

TEST(SimpleTokenBuilder, EmbeddedNulKeepsTheLibrarysOrderOfChecks) {
    // A NUL is one more fault, found where the library checks that field: an
    // earlier bad field, or a bad version / app id before it in a token, wins,
    // as it does in every binding that hands the whole string to token-core.
    using namespace std::string_literals;
    SimpleTokenBuilder a("xyz", kCert, "room\0x"s, 1u);
    expectFailure(AGORA_TOKEN_ERR_APP_ID);
    EXPECT_TRUE(startsWith(lastError(), "app_id: must be")) << lastError();
    SimpleTokenBuilder c(kAppId, "short", kChannel, "bob\0"s);
    expectFailure(AGORA_TOKEN_ERR_APP_CERTIFICATE);
    EXPECT_EQ(RtcTokenBuilder::buildTokenWithUserAccount("x", kCert, kChannel, "a\0"s, Role_Publisher), "");
    expectFailure(AGORA_TOKEN_ERR_APP_ID);
    EXPECT_EQ(RtmTokenBuilder::buildToken(kAppId, "short", "u\0"s, Rtm_User), "");
    expectFailure(AGORA_TOKEN_ERR_APP_CERTIFICATE);

    EXPECT_FALSE(parse("005" + kSample.substr(3) + "\0"s));
    expectFailure(AGORA_TOKEN_ERR_VERSION);
    EXPECT_FALSE(parse("007ab\0"s));
    expectFailure(AGORA_TOKEN_ERR_VERSION);
    EXPECT_FALSE(parse("006zz" + kSample.substr(5) + "\0"s));
    expectFailure(AGORA_TOKEN_ERR_APP_ID);
    EXPECT_FALSE(verify(kSample + "\0"s, "short", kChannel, kUid, 0));
    expectFailure(AGORA_TOKEN_ERR_APP_CERTIFICATE);
    EXPECT_FALSE(verify("garbage\0"s, kCert, "x\0"s, kUid, 0));
    expectFailure(AGORA_TOKEN_ERR_VERSION);

    // Alone, the NUL is its field's failure, and the message says so.
    SimpleTokenBuilder ch(kAppId, kCert, "room\0x"s, 1u);
    expectFailure(AGORA_TOKEN_ERR_CHANNEL_NAME);
    EXPECT_EQ(lastError(), "channel_name: contains a NUL character");
    EXPECT_FALSE(parse(kSample.substr(0, 40) + "\0"s + kSample.substr(41)));
    expectFailure(AGORA_TOKEN_ERR_BASE64);
    EXPECT_EQ(lastError(), "base64: the token contains a NUL character");
    EXPECT_FALSE(verify(kSample, kCert, "x\0"s, kUid, 0, std::string("\0"s)));
    expectFailure(AGORA_TOKEN_ERR_APP_ID);
    EXPECT_EQ(lastError(), "app_id: contains a NUL character");
    // Without a NUL, the library's own message (an empty value included: with
    // the old COW std::string ABI all empty strings share one buffer).
    SimpleTokenBuilder empty(kAppId, kCert, "", 1u);
    expectFailure(AGORA_TOKEN_ERR_CHANNEL_NAME);
    EXPECT_EQ(lastError(), "channel_name: must not be empty");
}

TEST(SimpleTokenBuilder, MoveTransfersTheHandle) {
    SimpleTokenBuilder a(kAppId, kCert, kChannel, kUid);
    a.setSalt(1);
    a.setTs(1111111);
    a.setPrivilege(kJoinChannel, 1446455471u);
    agora_token_builder* handle = a.native();
    SimpleTokenBuilder b(std::move(a));
    EXPECT_EQ(b.native(), handle);
    EXPECT_EQ(b.buildToken(), kSample);
    EXPECT_FALSE(a.valid());  // NOLINT(bugprone-use-after-move): moved-from state is specified
    EXPECT_EQ(a.buildToken(), "");
    expectFailure(AGORA_TOKEN_ERR_NULL_ARGUMENT);
    EXPECT_NE(lastError().find("moved"), std::string::npos);

    SimpleTokenBuilder c;
    c = std::move(b);
    EXPECT_EQ(c.buildToken(), kSample);
    EXPECT_FALSE(b.valid());  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(b.buildToken(), "");  // NOLINT(bugprone-use-after-move)
    expectFailure(AGORA_TOKEN_ERR_NULL_ARGUMENT);
    EXPECT_NE(lastError().find("moved from"), std::string::npos);
    // Moving a moved-from builder passes its state on.
    SimpleTokenBuilder e(std::move(a));  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(e.buildToken(), "");
    EXPECT_NE(lastError().find("moved from"), std::string::npos);
    // Move-assigning over a live builder frees the old handle (checked by ASan's leak check).
    SimpleTokenBuilder d(kAppId, kCert, kChannel, 5u);
    d = std::move(c);
    EXPECT_EQ(d.buildToken(), kSample);
    // Self-move leaves it usable.
    SimpleTokenBuilder& alias = d;
    d = std::move(alias);
    EXPECT_EQ(d.buildToken(), kSample);
}

TEST(SimpleTokenBuilder, InitTokenBuilderFailuresLeaveTheBuilderUnchanged) {
    SimpleTokenBuilder b(kAppId, kCert, kChannel, kUid);
    ASSERT_TRUE(b.initTokenBuilder(kSample));
    b.setSalt(1);  // init takes the privileges only
    b.setTs(1111111);
    struct Case {
        std::string token;
        int code;
    };
    const std::vector<Case> cases = {
        {"", AGORA_TOKEN_ERR_VERSION},
        {"007" + kSample.substr(3), AGORA_TOKEN_ERR_VERSION},
        {"006xyz", AGORA_TOKEN_ERR_APP_ID},
        {kSample.substr(0, 35), AGORA_TOKEN_ERR_TRUNCATED},
        {kSample + " ", AGORA_TOKEN_ERR_BASE64},
        {kSample.substr(0, 43), AGORA_TOKEN_ERR_TRUNCATED},  // 8 base64 characters: 6 bytes
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.token);
        EXPECT_FALSE(b.initTokenBuilder(c.token));
        expectFailure(c.code);
        EXPECT_EQ(b.buildToken(), kSample);
    }
    SimpleTokenBuilder otherUser(kAppId, kCert, kChannel, kUid + 1);
    EXPECT_FALSE(otherUser.initTokenBuilder(kSample));
    expectFailure(AGORA_TOKEN_ERR_UID_MISMATCH);
    SimpleTokenBuilder otherChannel(kAppId, kCert, "other", kUid);
    EXPECT_FALSE(otherChannel.initTokenBuilder(kSample));
    expectFailure(AGORA_TOKEN_ERR_CHANNEL_MISMATCH);
    SimpleTokenBuilder otherApp("0000000000000000000000000000000a", kCert, kChannel, kUid);
    EXPECT_FALSE(otherApp.initTokenBuilder(kSample));
    expectFailure(AGORA_TOKEN_ERR_APP_ID_MISMATCH);
}

namespace {

void putLe(std::string& out, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::string base64(const std::string& data) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < data.size(); i += 3) {
        uint32_t n = 0;
        for (size_t k = 0; k < 3; ++k)
            n |= (i + k < data.size() ? static_cast<uint32_t>(static_cast<unsigned char>(data[i + k])) : 0u)
                 << (16 - 8 * k);
        for (size_t k = 0; k < 4; ++k) out += (k <= data.size() - i) ? alphabet[(n >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

// A token of kSample's app, channel and user with `count` privileges (ids
// 1..count, most of them ids no builder defines, none expiring), salt 3 and
// ts 4000000000. Its signature is zeros: initTokenBuilder does not check it.
std::string tokenWithPrivileges(uint16_t count) {
    const auto sample = parse(kSample);
    std::string msg;
    putLe(msg, 3, 4);
    putLe(msg, 4000000000u, 4);
    putLe(msg, count, 2);
    for (uint16_t id = 1; id <= count; ++id) {
        putLe(msg, id, 2);
        putLe(msg, 0, 4);
    }
    std::string content;
    putLe(content, 32, 2);
    content.append(32, '\0');
    putLe(content, sample->crcChannelName, 4);
    putLe(content, sample->crcUid, 4);
    putLe(content, msg.size(), 2);
    content += msg;
    return "006" + kAppId + base64(content);
}

}  // namespace

TEST(SimpleTokenBuilder, TokensLongerThanTheStackBufferAreBuiltByTheAllocatingCall) {
    // 18 privileges make a 251-character token (it and its NUL fit the
    // 256-byte stack buffer); 19 make 259 characters, which do not.
    for (uint16_t count : {uint16_t{18}, uint16_t{19}, uint16_t{40}, uint16_t{300}}) {
        SCOPED_TRACE(count);
        SimpleTokenBuilder b(kAppId, kCert, kChannel, kUid);
        ASSERT_TRUE(b.initTokenBuilder(tokenWithPrivileges(count))) << lastError();
        b.setSalt(3);  // init takes the privileges only
        b.setTs(4000000000u);
        const std::string token = b.buildToken();
        char* direct = nullptr;
        ASSERT_EQ(agora_token_builder_build_token(b.native(), &direct), AGORA_TOKEN_OK);
        EXPECT_EQ(token, direct) << "the wrapper and the allocating C call disagree";
        agora_token_string_free(direct);
        EXPECT_EQ(token.size() < detail::kTokenBufferSize, count == 18) << token.size();
        const auto info = parse(token);
        ASSERT_TRUE(info) << lastError();
        EXPECT_EQ(info->privileges.size(), count);
        EXPECT_EQ(info->salt, 3u);
        EXPECT_EQ(info->ts, 4000000000u);
        EXPECT_EQ(verify(token, kCert, kChannel, kUid, 1000, kAppId), VerifyResult::Ok);
    }
}

TEST(SimpleTokenBuilder, PrivilegesAndRoles) {
    SimpleTokenBuilder b(kAppId, kCert, kChannel, std::string("alice"));
    b.setSalt(9);
    b.setTs(99);
    ASSERT_TRUE(b.initPrivileges(Role_Publisher));
    auto info = parse(b.buildToken());
    ASSERT_TRUE(info);
    const std::vector<TokenPrivilege> publisher = {{1, 0}, {2, 0}, {3, 0}, {4, 0}};
    EXPECT_EQ(info->privileges, publisher);
    ASSERT_TRUE(b.initPrivileges(Role_Subscriber));
    EXPECT_TRUE(b.setPrivilege(kRtmLogin, 5));
    EXPECT_TRUE(b.setPrivilege(kAdministrateChannel));
    EXPECT_TRUE(b.removePrivilege(kRtmLogin));
    EXPECT_TRUE(b.removePrivilege(kInvitePublishDataStream));  // absent: no-op
    info = parse(b.buildToken());
    ASSERT_TRUE(info);
    const std::vector<TokenPrivilege> expected = {{1, 0}, {101, 0}};
    EXPECT_EQ(info->privileges, expected);
    EXPECT_EQ(info->privilege(kAdministrateChannel), 0u);
    EXPECT_FALSE(info->privilege(kRtmLogin));

    EXPECT_FALSE(b.initPrivileges(static_cast<Role>(3)));
    expectFailure(AGORA_TOKEN_ERR_ROLE);
    EXPECT_FALSE(b.setPrivilege(static_cast<Privileges>(13), 0));
    expectFailure(AGORA_TOKEN_ERR_PRIVILEGE);
    EXPECT_FALSE(b.removePrivilege(static_cast<Privileges>(0)));
    expectFailure(AGORA_TOKEN_ERR_PRIVILEGE);
    info = parse(b.buildToken());
    ASSERT_TRUE(info);
    EXPECT_EQ(info->privileges, expected);
}

TEST(SimpleTokenBuilder, SaltAndTsDefaultsAndSetters) {
    SimpleTokenBuilder b(kAppId, kCert, kChannel, 42u);
    EXPECT_FALSE(b.salt());
    EXPECT_FALSE(b.ts());
    std::set<std::string> tokens;
    for (int i = 0; i < 8; ++i) tokens.insert(b.buildToken());
    EXPECT_EQ(tokens.size(), 8u) << "every token draws its own salt";
    auto info = parse(*tokens.begin());
    ASSERT_TRUE(info);
    const auto now = static_cast<uint32_t>(time(nullptr));
    EXPECT_GE(info->ts, now + 24 * 3600 - 5);
    EXPECT_LE(info->ts, now + 24 * 3600 + 5);

    EXPECT_TRUE(b.setSalt(0xFFFFFFFFu));
    EXPECT_TRUE(b.setTs(0));
    EXPECT_EQ(b.salt(), 0xFFFFFFFFu);
    EXPECT_EQ(b.ts(), 0u);
    EXPECT_EQ(b.buildToken(), b.buildToken());
    EXPECT_TRUE(b.clearSalt());
    EXPECT_TRUE(b.clearTs());
    EXPECT_FALSE(b.salt());
    EXPECT_FALSE(b.ts());
    EXPECT_NE(b.buildToken(), b.buildToken());
}

TEST(Helpers, RtcTokensForUidAndAccount) {
    const std::string t = RtcTokenBuilder::buildTokenWithUid(kAppId, kCert, kChannel, 7, Role_Publisher, 0);
    ASSERT_FALSE(t.empty()) << lastError();
    EXPECT_EQ(verify(t, kCert, kChannel, 7, static_cast<uint32_t>(time(nullptr)), kAppId), VerifyResult::Ok);
    auto info = parse(t);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->privileges.size(), 4u);

    const std::string a = RtcTokenBuilder::buildTokenWithUserAccount(kAppId, kCert, kChannel, "alice",
                                                                     Role_Subscriber, 100);
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(verifyUserAccount(a, kCert, kChannel, "alice", 100), VerifyResult::Ok);
    EXPECT_EQ(verifyUserAccount(a, kCert, kChannel, "alice", 101), VerifyResult::PrivilegeExpired);

    EXPECT_EQ(RtcTokenBuilder::buildTokenWithUid(kAppId, kCert, kChannel, 7, static_cast<UserRole>(5)), "");
    expectFailure(AGORA_TOKEN_ERR_ROLE);
    EXPECT_EQ(RtcTokenBuilder::buildTokenWithUid("x", kCert, kChannel, 7, Role_Admin), "");
    expectFailure(AGORA_TOKEN_ERR_APP_ID);
    EXPECT_EQ(RtcTokenBuilder::buildTokenWithUserAccount(kAppId, "nope", kChannel, "alice", Role_Admin), "");
    expectFailure(AGORA_TOKEN_ERR_APP_CERTIFICATE);
    EXPECT_EQ(RtcTokenBuilder::buildTokenWithUserAccount(kAppId, kCert, kChannel, "", Role_Admin), "");
    expectFailure(AGORA_TOKEN_ERR_USER_ACCOUNT);
}

TEST(Helpers, RtmToken) {
    const std::string t = RtmTokenBuilder::buildToken(kAppId, kCert, "bob", Rtm_User, 0);
    ASSERT_FALSE(t.empty());
    auto info = parse(t);
    ASSERT_TRUE(info);
    ASSERT_EQ(info->privileges.size(), 1u);
    EXPECT_EQ(info->privileges[0].id, kRtmLogin);
    // The account is signed in the channel field, with an empty uid.
    EXPECT_EQ(verify(t, kCert, "bob", 0, 0), VerifyResult::Ok);
    // Any role builds the Login token, as Agora's builders (which ignore it) do.
    const std::string other = RtmTokenBuilder::buildToken(kAppId, kCert, "bob", static_cast<RtmUserRole>(0));
    auto otherInfo = parse(other);
    ASSERT_TRUE(otherInfo) << lastError();
    EXPECT_EQ(otherInfo->privileges, (std::vector<TokenPrivilege>{{kRtmLogin, 0}}));
    EXPECT_EQ(RtmTokenBuilder::buildToken(kAppId, kCert, "", Rtm_User), "");
    expectFailure(AGORA_TOKEN_ERR_USER_ACCOUNT);
}

TEST(Parse, EveryField) {
    auto info = parse(kSample);
    ASSERT_TRUE(info);
    EXPECT_EQ(info->appId, kAppId);
    EXPECT_EQ(info->signature.size(), 32u);
    EXPECT_EQ(info->signatureHex(), "95d1f654070fbbd9c5682fd7b218687743a3e88bc6e08f054b9f229227239747");
    EXPECT_EQ(info->crcChannelName, 276646071u);  // zlib.crc32(channel)
    EXPECT_EQ(info->crcUid, 3847331927u);  // zlib.crc32(b"2882341273")
    EXPECT_EQ(info->salt, 1u);
    EXPECT_EQ(info->ts, 1111111u);
    const std::vector<TokenPrivilege> expected = {{1, 1446455471u}};
    EXPECT_EQ(info->privileges, expected);
}

TEST(Parse, Rejects) {
    const std::vector<std::pair<std::string, int>> cases = {
        {"", AGORA_TOKEN_ERR_VERSION},
        {"005" + kSample.substr(3), AGORA_TOKEN_ERR_VERSION},
        {"006" + std::string(31, 'a'), AGORA_TOKEN_ERR_APP_ID},
        {kSample.substr(0, 35), AGORA_TOKEN_ERR_TRUNCATED},
        {kSample.substr(0, 35) + "A", AGORA_TOKEN_ERR_BASE64},
        {kSample + "AAAA", AGORA_TOKEN_ERR_TRAILING},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.first);
        EXPECT_FALSE(parse(c.first));
        expectFailure(c.second);
    }
}

TEST(Verify, EveryResult) {
    SimpleTokenBuilder b(kAppId, kCert, kChannel, kUid);
    b.setTs(1000);
    b.setPrivilege(kJoinChannel, 500);
    const std::string t = b.buildToken();
    EXPECT_EQ(verify(t, kCert, kChannel, kUid, 400), VerifyResult::Ok);
    EXPECT_EQ(verify(t, kCert, kChannel, kUid, 400, kAppId), VerifyResult::Ok);
    EXPECT_EQ(verify(t, kCert, kChannel, kUid, 400, std::string("0000000000000000000000000000000a")),
              VerifyResult::AppIdMismatch);
    EXPECT_EQ(verify(t, kCert, "x", kUid, 400), VerifyResult::ChannelMismatch);
    EXPECT_EQ(verify(t, kCert, kChannel, 1, 400), VerifyResult::UidMismatch);
    EXPECT_EQ(verify(t, "00000000000000000000000000000000", kChannel, kUid, 400), VerifyResult::SignatureMismatch);
    EXPECT_EQ(verify(t, kCert, kChannel, kUid, 1001), VerifyResult::Expired);
    EXPECT_EQ(verify(t, kCert, kChannel, kUid, 501), VerifyResult::PrivilegeExpired);
    EXPECT_EQ(verifyUserAccount(t, kCert, kChannel, std::to_string(kUid), 400), VerifyResult::Ok);
    EXPECT_EQ(verifyResultName(VerifyResult::PrivilegeExpired), "privilege_expired");
    EXPECT_EQ(verifyResultName(VerifyResult::Ok), "ok");

    EXPECT_FALSE(verify(t, "short", kChannel, kUid, 400));
    expectFailure(AGORA_TOKEN_ERR_APP_CERTIFICATE);
    EXPECT_FALSE(verify("garbage", kCert, kChannel, kUid, 400));
    expectFailure(AGORA_TOKEN_ERR_VERSION);
    EXPECT_FALSE(verify(t, kCert, kChannel, kUid, 400, std::string("\xff")));
    expectFailure(AGORA_TOKEN_ERR_APP_ID);
}

TEST(Errors, NamesAndVersion) {
    EXPECT_EQ(errorName(0), "ok");
    EXPECT_EQ(errorName(AGORA_TOKEN_ERR_CHANNEL_NAME), "channel_name");
    EXPECT_EQ(errorName(AGORA_TOKEN_ERR_NULL_ARGUMENT), "null_argument");
    EXPECT_EQ(errorName(-100), "unknown");
#ifdef AGORATOKEN_EXPECTED_VERSION
    EXPECT_EQ(version(), AGORATOKEN_EXPECTED_VERSION);
#else
    EXPECT_FALSE(version().empty());
#endif
}

TEST(Errors, LastErrorIsPerThread) {
    SimpleTokenBuilder bad(kAppId, kCert, "", 1u);
    const std::string mine = lastError();
    ASSERT_TRUE(startsWith(mine, "channel_name:"));
    std::string before, after;
    int code = 0;
    std::thread([&] {
        before = lastError();
        (void)parse("nope");
        after = lastError();
        code = lastErrorCode();
    }).join();
    EXPECT_EQ(before, "");
    EXPECT_TRUE(startsWith(after, "version:"));
    EXPECT_EQ(code, AGORA_TOKEN_ERR_VERSION);
    EXPECT_EQ(lastError(), mine);
    EXPECT_EQ(lastErrorCode(), AGORA_TOKEN_ERR_CHANNEL_NAME);
}

TEST(Threads, OneBuilderPerThread) {
    std::vector<std::string> tokens(4);
    std::vector<std::thread> threads;
    for (uint32_t i = 0; i < 4; ++i) {
        threads.emplace_back([i, &tokens] {
            SimpleTokenBuilder b(kAppId, kCert, kChannel, i + 1);
            b.setSalt(1);
            b.setTs(2);
            for (int n = 0; n < 100; ++n) tokens[i] = b.buildToken();
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(std::set<std::string>(tokens.begin(), tokens.end()).size(), 4u);
    for (uint32_t i = 0; i < 4; ++i) EXPECT_EQ(verify(tokens[i], kCert, kChannel, i + 1, 1), VerifyResult::Ok);
}
