<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

use AgoraToken\AccessToken2;
use AgoraToken\AgoraTokenException;
use AgoraToken\ApaasTokenBuilder;
use AgoraToken\ChatTokenBuilder2;
use AgoraToken\ConvoAITokenBuilder;
use AgoraToken\EducationTokenBuilder;
use AgoraToken\FpaTokenBuilder;
use AgoraToken\Internal\Token2;
use AgoraToken\Rtm2Permissions;
use AgoraToken\RtcTokenBuilder2;
use AgoraToken\RtmTokenBuilder2;
use AgoraToken\Service;
use AgoraToken\ServiceApaas;
use AgoraToken\ServiceChat;
use AgoraToken\ServiceConvoAI;
use AgoraToken\ServiceFCdn;
use AgoraToken\ServiceFpa;
use AgoraToken\ServiceRtc;
use AgoraToken\ServiceRtm;
use AgoraToken\ServiceRtm2;
use AgoraToken\ServiceStreaming;
use AgoraToken\ServiceStt;
use AgoraToken\SttTokenBuilder;

/** The 007 API: every reference-named builder, AccessToken2, verify, failures. */
final class AccessToken2Test extends Fixtures
{
    /** build007 p-build007-0001: RTC uid 2882341273, JoinChannel 600, expire 600, issue_ts 1111111, salt 1. */
    private const SAMPLE = '007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj';

    /** The PHP method of every row of the library's builder table. */
    private const NAMES = [
        'rtc.build_token_with_uid' => [RtcTokenBuilder2::class, 'buildTokenWithUid'],
        'rtc.build_token_with_user_account' => [RtcTokenBuilder2::class, 'buildTokenWithUserAccount'],
        'rtc.build_token_with_uid_and_privilege' => [RtcTokenBuilder2::class, 'buildTokenWithUidAndPrivilege'],
        'rtc.build_token_with_user_account_and_privilege' => [RtcTokenBuilder2::class, 'buildTokenWithUserAccountAndPrivilege'],
        'rtc.build_token_with_rtm' => [RtcTokenBuilder2::class, 'buildTokenWithRtm'],
        'rtc.build_token_with_rtm2' => [RtcTokenBuilder2::class, 'buildTokenWithRtm2'],
        'rtm.build_token' => [RtmTokenBuilder2::class, 'buildToken'],
        'rtm.build_token_with_permissions' => [RtmTokenBuilder2::class, 'buildTokenWithPermissions'],
        'chat.build_user_token' => [ChatTokenBuilder2::class, 'buildUserToken'],
        'chat.build_app_token' => [ChatTokenBuilder2::class, 'buildAppToken'],
        'fpa.build_token' => [FpaTokenBuilder::class, 'buildToken'],
        'apaas.build_room_user_token' => [ApaasTokenBuilder::class, 'buildRoomUserToken'],
        'apaas.build_user_token' => [ApaasTokenBuilder::class, 'buildUserToken'],
        'apaas.build_app_token' => [ApaasTokenBuilder::class, 'buildAppToken'],
        'education.build_room_user_token' => [EducationTokenBuilder::class, 'buildRoomUserToken'],
        'education.build_user_token' => [EducationTokenBuilder::class, 'buildUserToken'],
        'education.build_app_token' => [EducationTokenBuilder::class, 'buildAppToken'],
        'convoai.build_token' => [ConvoAITokenBuilder::class, 'buildToken'],
        'stt.build_token' => [SttTokenBuilder::class, 'buildToken'],
    ];

    protected function tearDown(): void
    {
        Token2::pin(null);
    }

    public function testEveryRowOfTheTableHasAPhpName(): void
    {
        $names = Token2::builderNames();
        $this->assertSame(array_keys(self::NAMES), $names);
        foreach (self::NAMES as [$class, $method]) {
            $this->assertTrue(method_exists($class, $method), "$class::$method");
        }
    }

    public function testSample(): void
    {
        Token2::pin(1111111, 1);
        $this->assertSame(self::SAMPLE, RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, RtcTokenBuilder2::ROLE_SUBSCRIBER, 600, 600));
        $this->assertSame([1, 2], [RtcTokenBuilder2::ROLE_PUBLISHER, RtcTokenBuilder2::ROLE_SUBSCRIBER]);
    }

    /** The token these services describe, pinned like the builders. */
    private static function viaData(int $expire, Service ...$services): string
    {
        $t = new AccessToken2(self::APP_ID, self::CERT, $expire);
        $t->issueTs = 1111111;
        $t->salt = 1;
        foreach ($services as $s) {
            $t->addService($s);
        }
        return $t->build();
    }

    /** @template S of Service @param S $s @return S */
    private static function with(Service $s, int ...$privileges): Service
    {
        for ($i = 0; $i + 1 < \count($privileges); $i += 2) {
            $s->addPrivilege($privileges[$i], $privileges[$i + 1]);
        }
        return $s;
    }

    public function testEveryBuilderWritesWhatItsDataDescribes(): void
    {
        Token2::pin(1111111, 1);
        $id = self::APP_ID;
        $cert = self::CERT;
        [$j, $a, $v, $d] = [ServiceRtc::PRIVILEGE_JOIN_CHANNEL, ServiceRtc::PRIVILEGE_PUBLISH_AUDIO_STREAM,
            ServiceRtc::PRIVILEGE_PUBLISH_VIDEO_STREAM, ServiceRtc::PRIVILEGE_PUBLISH_DATA_STREAM];
        $pub = RtcTokenBuilder2::ROLE_PUBLISHER;
        $sub = RtcTokenBuilder2::ROLE_SUBSCRIBER;
        $rtm2 = static fn (Service ...$extra): array => [
            self::with(new ServiceRtc('room', 'alice'), $j, 1, $a, 2, $v, 3, $d, 4),
            self::with(new ServiceRtm('bob'), ServiceRtm::PRIVILEGE_LOGIN, 700),
            ...$extra,
        ];
        $roomUser = [
            self::with(new ServiceApaas('r1', 'u1', 3), ServiceApaas::PRIVILEGE_ROOM_USER, 60),
            self::with(new ServiceRtm('u1'), ServiceRtm::PRIVILEGE_LOGIN, 60),
            self::with(new ServiceChat(md5('u1')), ServiceChat::PRIVILEGE_USER, 60),
        ];
        $permissions = new Rtm2Permissions();
        $permissions->add(Rtm2Permissions::USERS, Rtm2Permissions::READ, ['u1', 'u2']);
        $permissions->add(Rtm2Permissions::MESSAGE_CHANNELS, Rtm2Permissions::WRITE, ['c1']);
        $cases = [
            [RtcTokenBuilder2::buildTokenWithUid($id, $cert, 'room', 7, $pub, 600, 60), self::viaData(600, self::with(new ServiceRtc('room', 7), $j, 60, $a, 60, $v, 60, $d, 60))],
            [RtcTokenBuilder2::buildTokenWithUid($id, $cert, 'room', 0, $sub, 600), self::viaData(600, self::with(new ServiceRtc('room', 0), $j, 0))],
            [RtcTokenBuilder2::buildTokenWithUserAccount($id, $cert, 'room', 'alice', $pub, 600, 30), self::viaData(600, self::with(new ServiceRtc('room', 'alice'), $j, 30, $a, 30, $v, 30, $d, 30))],
            [RtcTokenBuilder2::buildTokenWithUidAndPrivilege($id, $cert, 'room', 7, 600, 1, 2, 3, 4), self::viaData(600, self::with(new ServiceRtc('room', 7), $j, 1, $a, 2, $v, 3, $d, 4))],
            [RtcTokenBuilder2::buildTokenWithUserAccountAndPrivilege($id, $cert, 'room', 'alice', 600, 1, 2, 3, 4), self::viaData(600, self::with(new ServiceRtc('room', 'alice'), $j, 1, $a, 2, $v, 3, $d, 4))],
            [RtcTokenBuilder2::buildTokenWithRtm($id, $cert, 'room', 'alice', $sub, 600, 50), self::viaData(600, self::with(new ServiceRtc('room', 'alice'), $j, 50), self::with(new ServiceRtm('alice'), 1, 600))],
            [RtcTokenBuilder2::buildTokenWithRtm2($id, $cert, 'room', 'alice', $pub, 600, 1, 2, 3, 4, 'bob', 700), self::viaData(600, ...$rtm2())],
            [ConvoAITokenBuilder::buildToken($id, $cert, 'room', 'alice', $pub, 600, 1, 2, 3, 4, 'bob', 700), self::viaData(600, ...$rtm2(new ServiceConvoAI()))],
            [SttTokenBuilder::buildToken($id, $cert, 'room', 'alice', $pub, 600, 1, 2, 3, 4, 'bob', 700), self::viaData(600, ...$rtm2(new ServiceStt()))],
            [RtmTokenBuilder2::buildToken($id, $cert, 'bob', 900), self::viaData(900, self::with(new ServiceRtm('bob'), 1, 900))],
            [RtmTokenBuilder2::buildTokenWithPermissions($id, $cert, 'bob', $permissions, 900), self::viaData(900, self::with(new ServiceRtm2('bob', $permissions), 1, 900))],
            [RtmTokenBuilder2::buildTokenWithPermissions($id, $cert, 'bob', null, 900), self::viaData(900, self::with(new ServiceRtm2('bob'), 1, 900))],
            [ChatTokenBuilder2::buildUserToken($id, $cert, 'bob', 60), self::viaData(60, self::with(new ServiceChat('bob'), ServiceChat::PRIVILEGE_USER, 60))],
            [ChatTokenBuilder2::buildAppToken($id, $cert, 60), self::viaData(60, self::with(new ServiceChat(''), ServiceChat::PRIVILEGE_APP, 60))],
            [FpaTokenBuilder::buildToken($id, $cert), self::viaData(86400, self::with(new ServiceFpa(), ServiceFpa::PRIVILEGE_LOGIN, 0))],
            [ApaasTokenBuilder::buildRoomUserToken($id, $cert, 'r1', 'u1', 3, 60), self::viaData(60, ...$roomUser)],
            [EducationTokenBuilder::buildRoomUserToken($id, $cert, 'r1', 'u1', 3, 60), self::viaData(60, ...$roomUser)],
            [ApaasTokenBuilder::buildUserToken($id, $cert, 'u1', 60), self::viaData(60, self::with(new ServiceApaas('', 'u1'), ServiceApaas::PRIVILEGE_USER, 60))],
            [EducationTokenBuilder::buildUserToken($id, $cert, 'u1', 60), self::viaData(60, self::with(new ServiceApaas('', 'u1'), ServiceApaas::PRIVILEGE_USER, 60))],
            [ApaasTokenBuilder::buildAppToken($id, $cert, 60), self::viaData(60, self::with(new ServiceApaas(), ServiceApaas::PRIVILEGE_APP, 60))],
            [EducationTokenBuilder::buildAppToken($id, $cert, 60), self::viaData(60, self::with(new ServiceApaas(), ServiceApaas::PRIVILEGE_APP, 60))],
        ];
        foreach ($cases as $i => [$got, $want]) {
            $this->assertSame($want, $got, "case $i");
        }
    }

    public function testFailuresNameTheField(): void
    {
        $id = self::APP_ID;
        $cert = self::CERT;
        $pub = RtcTokenBuilder2::ROLE_PUBLISHER;
        $this->assertCategory('app_id', static fn () => RtcTokenBuilder2::buildTokenWithUid('bad', $cert, 'room', 1, $pub, 600));
        $this->assertCategory('app_certificate', static fn () => RtcTokenBuilder2::buildTokenWithUid($id, 'x' . substr($cert, 1, 30), 'room', 1, $pub, 600));
        $this->assertCategory('channel_name', static fn () => RtcTokenBuilder2::buildTokenWithUid($id, $cert, '', 1, $pub, 600));
        $this->assertCategory('channel_name', static fn () => RtcTokenBuilder2::buildTokenWithUid($id, $cert, "ro\0om", 1, $pub, 600));
        $this->assertCategory('uid', static fn () => RtcTokenBuilder2::buildTokenWithUid($id, $cert, 'room', -1, $pub, 600));
        $this->assertCategory('uid', static fn () => RtcTokenBuilder2::buildTokenWithUid($id, $cert, 'room', 1 << 32, $pub, 600));
        $this->assertCategory('role', static fn () => RtcTokenBuilder2::buildTokenWithUid($id, $cert, 'room', 1, 0, 600));
        $this->assertCategory('expire', static fn () => RtcTokenBuilder2::buildTokenWithUid($id, $cert, 'room', 1, $pub, -1));
        $this->assertCategory('expire_ts', static fn () => RtcTokenBuilder2::buildTokenWithUid($id, $cert, 'room', 1, $pub, 600, 1 << 32));
        $this->assertCategory('user_account', static fn () => RtcTokenBuilder2::buildTokenWithUserAccount($id, $cert, 'room', '', $pub, 600));
        $this->assertCategory('user_id', static fn () => RtcTokenBuilder2::buildTokenWithRtm2($id, $cert, 'room', 'alice', $pub, 600, 0, 0, 0, 0, '', 0));
        $this->assertCategory('user_id', static fn () => RtmTokenBuilder2::buildToken($id, $cert, str_repeat('u', 256), 60));
        $this->assertCategory('user_id', static fn () => ChatTokenBuilder2::buildUserToken($id, $cert, '', 60));
        $bad = new Rtm2Permissions();
        $bad->add(5, 0, []);
        $this->assertCategory('permission', static fn () => RtmTokenBuilder2::buildTokenWithPermissions($id, $cert, 'bob', $bad));
        $this->assertCategory('role', static fn () => ApaasTokenBuilder::buildRoomUserToken($id, $cert, 'r', 'u', 32768, 60));
        $this->assertCategory('user_uuid', static fn () => ApaasTokenBuilder::buildRoomUserToken($id, $cert, 'r', str_repeat('u', 65536), 1, 60));
        $this->assertCategory('app_certificate', static fn () => FpaTokenBuilder::buildToken($id, ''));
        // Wrong PHP types are type errors, before any native call.
        $this->expectException(\TypeError::class);
        RtcTokenBuilder2::buildTokenWithUid($id, $cert, 'room', ['7'], $pub, 600); // @phpstan-ignore-line
    }

    public function testLongTokensAreBuiltIntoALargerBuffer(): void
    {
        $uuid = '';
        $x = 12345;
        for ($i = 0; $i < 3000; $i++) {
            $x = ($x * 1103515245 + 12345) & 0xFFFFFFFF;
            $uuid .= \chr(\ord('a') + (($x >> 16) % 26));
        }
        $token = ApaasTokenBuilder::buildUserToken(self::APP_ID, self::CERT, $uuid, 60);
        $this->assertGreaterThan(1024, \strlen($token));
        $p = new AccessToken2();
        $p->parse($token);
        $this->assertSame($uuid, $p->services[0]->userUuid);
        // A string argument longer than a buffer slot, and one after it.
        $long = str_repeat('a', 1500);
        $t = RtcTokenBuilder2::buildTokenWithRtm2(self::APP_ID, self::CERT, 'room', 'alice', 1, 600, 0, 0, 0, 0, 'bob', 0);
        $this->assertNotSame('', $t);
        $this->assertCategory('user_id', static fn () => RtmTokenBuilder2::buildToken(self::APP_ID, self::CERT, $long, 60));
        $this->assertSame('bob', (static function (): string {
            $p = new AccessToken2();
            $p->parse(RtmTokenBuilder2::buildToken(self::APP_ID, self::CERT, 'bob', 60));
            return $p->services[0]->userId;
        })());
    }

    public function testAccessToken2BuildParseVerify(): void
    {
        $t = new AccessToken2(self::APP_ID, self::CERT, 600);
        $t->issueTs = 1111111;
        $t->salt = 1;
        $rtc = new ServiceRtc(self::CHANNEL, self::UID);
        $rtc->addPrivilege(ServiceRtc::PRIVILEGE_JOIN_CHANNEL, 600);
        $t->addService($rtc);
        $this->assertSame(self::SAMPLE, $t->build());

        $p = new AccessToken2();
        $this->assertTrue($p->parse(self::SAMPLE));
        $this->assertSame([self::APP_ID, 1111111, 600, 1], [$p->appId, $p->issueTs, $p->expire, $p->salt]);
        $this->assertCount(1, $p->getServices(ServiceRtc::SERVICE_TYPE));
        $this->assertCount(0, $p->getServices(ServiceRtm::SERVICE_TYPE));
        $s = $p->services[0];
        $this->assertInstanceOf(ServiceRtc::class, $s);
        $this->assertSame([self::CHANNEL, '2882341273', [1 => 600]], [$s->channelName, $s->uid, $s->privileges]);
        $this->assertTrue($p->verifySignature(self::CERT));
        $this->assertFalse($p->verifySignature(strtolower(self::CERT)));
        $this->assertCategory('app_certificate', static fn () => $p->verifySignature('short'));
        // A failed parse throws and leaves the object unchanged.
        $this->assertCategory('zlib', static fn () => $p->parse('007AAAA'));
        $this->assertSame(self::APP_ID, $p->appId);
        $this->assertTrue($p->verifySignature(self::CERT));
        $this->expectException(\LogicException::class);
        (new AccessToken2())->verifySignature(self::CERT);
    }

    public function testAccessToken2DrawsAndChecks(): void
    {
        $t = new AccessToken2(self::APP_ID, self::CERT, 600);
        $t->addService(new ServiceRtc('room', ''));
        $this->assertNotSame($t->build(), $t->build(), 'a fresh salt per build');
        $this->assertCategory('no_service', static fn () => (new AccessToken2(self::APP_ID, self::CERT))->build());
        $streaming = new AccessToken2(self::APP_ID, self::CERT);
        $streaming->addService(new ServiceStreaming('room', 42));
        $streaming->addService(new ServiceFCdn('room', 0));
        $streaming->addService(new ServiceFCdn('room', 'acc'));
        $p = new AccessToken2();
        $p->parse($streaming->build());
        $this->assertSame(['42', '', 'acc'], array_map(static fn ($s) => $s->account, $p->services));
        $t->salt = -1;
        $this->assertCategory('salt', static fn () => $t->build());
        $t->salt = null;
        $t->issueTs = 1 << 32;
        $this->assertCategory('issue_ts', static fn () => $t->build());
        $bad = new AccessToken2(self::APP_ID, self::CERT);
        $bad->addService(self::with(new ServiceRtc('room', 1), 5, 0));
        $this->assertCategory('privilege', static fn () => $bad->build());
        // The base class is the base layout: a type the library does not know (0, 11..) is built,
        // and the strict parse() refuses it; a known type needs its own class and fields.
        $other = new AccessToken2(self::APP_ID, self::CERT);
        $other->addService(self::with(new Service(11), 1, 600));
        $this->assertCategory('service', static fn () => (new AccessToken2())->parse($other->build()));
        $bad = new AccessToken2(self::APP_ID, self::CERT);
        $bad->addService(new Service(ServiceRtc::SERVICE_TYPE));
        $this->assertCategory('service', static fn () => $bad->build());
    }

    public function testVerify(): void
    {
        $now = 1111111 + 10;
        $this->assertSame('ok', AccessToken2::verify(self::SAMPLE, self::CERT, null, null, $now));
        $this->assertSame('expired', AccessToken2::verify(self::SAMPLE, self::CERT, null, null, 1111111 + 601));
        $this->assertSame('ok', AccessToken2::verify(self::SAMPLE, self::CERT, self::CHANNEL, self::UID, $now));
        $this->assertSame('ok', AccessToken2::verify(self::SAMPLE, self::CERT, self::CHANNEL, '2882341273', $now));
        $this->assertSame('channel_mismatch', AccessToken2::verify(self::SAMPLE, self::CERT, 'other', self::UID, $now));
        $this->assertSame('uid_mismatch', AccessToken2::verify(self::SAMPLE, self::CERT, self::CHANNEL, 1, $now));
        $this->assertSame('app_id_mismatch', AccessToken2::verify(self::SAMPLE, self::CERT, null, null, $now, self::OTHER_APP_ID));
        Token2::pin(1111111, 1);
        $chat = ChatTokenBuilder2::buildAppToken(self::APP_ID, self::CERT, 600);
        $this->assertSame('service_missing', AccessToken2::verify($chat, self::CERT, self::CHANNEL, self::UID, $now));
        $this->assertCategory('now', static fn () => AccessToken2::verify(self::SAMPLE, self::CERT, null, null, -1));
        $this->assertCategory('null_argument', static fn () => AccessToken2::verify(self::SAMPLE, self::CERT, self::CHANNEL, null, $now));
        $this->assertCategory('version', static fn () => AccessToken2::verify('006abc', self::CERT, null, null, $now));
        $this->assertCategory('base64', static fn () => AccessToken2::verify("007eJ\0", self::CERT, null, null, $now));
    }

    public function testExceptionsAreInvalidArgumentsWithTheLibrarysCode(): void
    {
        try {
            FpaTokenBuilder::buildToken(self::APP_ID, 'nope');
            $this->fail('accepted');
        } catch (AgoraTokenException $e) {
            $this->assertInstanceOf(\InvalidArgumentException::class, $e);
            $this->assertSame(-2, $e->getCode());
            $this->assertStringStartsWith('app_certificate:', $e->getMessage());
        }
    }
}
