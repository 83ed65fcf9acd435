<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

use AgoraToken\AgoraTokenException;
use AgoraToken\Internal\Token2;
use AgoraToken\Reference;
use AgoraToken\Token;

/**
 * The reference-named global classes of aliases.php (Agora's PHP names and
 * return values): every class and method, what they accept as the
 * reference does, and what they still refuse.
 *
 * The scripts that call them run without strict_types, as Agora's do; so
 * do the calls here that pass a float or a numeric string (see call()).
 */
final class ReferenceTest extends Fixtures
{
    private const ALIASES = [
        'AccessToken' => Reference\AccessToken::class,
        'Message' => Reference\Message::class,
        'RtcTokenBuilder' => Reference\RtcTokenBuilder::class,
        'RtmTokenBuilder' => Reference\RtmTokenBuilder::class,
        'AccessToken2' => Reference\AccessToken2::class,
        'Service' => \AgoraToken\Service::class,
        'ServiceRtc' => \AgoraToken\ServiceRtc::class,
        'ServiceRtm' => \AgoraToken\ServiceRtm::class,
        'ServiceStreaming' => \AgoraToken\ServiceStreaming::class,
        'ServiceFpa' => \AgoraToken\ServiceFpa::class,
        'ServiceChat' => \AgoraToken\ServiceChat::class,
        'ServiceFCdn' => \AgoraToken\ServiceFCdn::class,
        'ServiceApaas' => \AgoraToken\ServiceApaas::class,
        'ServiceRtm2' => \AgoraToken\ServiceRtm2::class,
        'Rtm2Permissions' => \AgoraToken\Rtm2Permissions::class,
        'RtcTokenBuilder2' => Reference\RtcTokenBuilder2::class,
        'RtmTokenBuilder2' => Reference\RtmTokenBuilder2::class,
        'ChatTokenBuilder2' => Reference\ChatTokenBuilder2::class,
        'FpaTokenBuilder' => Reference\FpaTokenBuilder::class,
        'ApaasTokenBuilder' => Reference\ApaasTokenBuilder::class,
        'EducationTokenBuilder' => Reference\EducationTokenBuilder::class,
    ];

    public static function setUpBeforeClass(): void
    {
        require_once dirname(__DIR__) . '/aliases.php';
    }

    protected function tearDown(): void
    {
        Token2::pin(null);
    }

    /** Runs $f and returns [its result, the messages of the warnings it raised]. */
    private static function withWarnings(callable $f): array
    {
        $warnings = [];
        set_error_handler(static function (int $no, string $message) use (&$warnings): bool {
            $warnings[] = $message;
            return true;
        }, E_USER_WARNING | E_WARNING);
        try {
            return [$f(), $warnings];
        } finally {
            restore_error_handler();
        }
    }

    public function testEveryGlobalNameIsAnAliasOfItsClass(): void
    {
        foreach (self::ALIASES as $global => $class) {
            $this->assertTrue(class_exists($global), $global);
            $this->assertSame($class, (new \ReflectionClass($global))->getName(), $global);
        }
        // Class names ignore case in PHP, so do the aliases; a name the reference does not have is not declared.
        $this->assertTrue(class_exists('accesstoken2'));
        $this->assertFalse(class_exists('Util'));
        $this->assertFalse(class_exists('ServiceConvoAI'));
    }

    // ---- 006: AccessToken ------------------------------------------------------------------

    public function testAccessTokenBuildsTheClassicToken(): void
    {
        $t = \AccessToken::init(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
        $this->assertInstanceOf(Reference\AccessToken::class, $t);
        $this->assertInstanceOf(Reference\Message::class, $t->message);
        $t->message->salt = self::SALT;
        $t->message->ts = self::TS;
        $this->assertSame($t, $t->addPrivilege(\AccessToken::Privileges['kJoinChannel'], self::JOIN_EXPIRE));
        $this->assertSame(self::CLASSIC_TOKEN, $t->build());

        // A decimal string is the account of the same digits: the same user in 006.
        $s = \AccessToken::init(self::APP_ID, self::CERT, self::CHANNEL, (string) self::UID);
        $s->message->salt = self::SALT;
        $s->message->ts = self::TS;
        $s->addPrivilege(\AccessToken::Privileges['kJoinChannel'], self::JOIN_EXPIRE);
        $this->assertSame(self::CLASSIC_TOKEN, $s->build());

        $this->assertSame(['kJoinChannel' => 1, 'kPublishAudioStream' => 2, 'kPublishVideoStream' => 3,
            'kPublishDataStream' => 4, 'kRtmLogin' => 1000], \AccessToken::Privileges);
    }

    public function testAccessTokenUidZeroIntStringAndEmpty(): void
    {
        $build = static function ($uid): string {
            $t = \AccessToken::init(self::APP_ID, self::CERT, self::CHANNEL, $uid);
            $t->message->salt = self::SALT;
            $t->message->ts = self::TS;
            return $t->addPrivilege(1, self::JOIN_EXPIRE)->build();
        };
        // int 0 and "" are any user (signed as ""); the string "0" is the account "0", as in the reference.
        $this->assertSame($build(0), $build(''));
        $this->assertNotSame($build(0), $build('0'));
        $this->assertSame(crc32(''), Token::parse($build(0))->crcUid);
        $this->assertSame(crc32('0'), Token::parse($build('0'))->crcUid);
        $this->assertSame('ok', Token::verify($build('0'), self::CERT, self::CHANNEL, '0', self::TS - 10));
    }

    public function testAccessTokenDefaultsAndFloats(): void
    {
        $t = \AccessToken::init(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
        $this->assertNull($t->message->salt);
        $this->assertNull($t->message->ts);
        $t->addPrivilege(\AccessToken::Privileges['kPublishAudioStream'], 1446455471.9);
        $before = time();
        $p = Token::parse($t->build());
        $this->assertSame([2 => 1446455471], $p->privileges);
        $this->assertGreaterThanOrEqual($before + 24 * 3600, $p->ts);
        $this->assertLessThanOrEqual(time() + 24 * 3600, $p->ts);

        $t->message->salt = 7.9;
        $t->message->ts = 1111111.5;
        $p = Token::parse($t->build());
        $this->assertSame([7, 1111111], [$p->salt, $p->ts]);

        $t->message->ts = -1.0;
        $this->assertCategory('ts', fn () => $t->build());
        $t->message->ts = NAN;
        $this->assertCategory('ts', fn () => $t->build());
        $t->message->ts = 1111111;
        $t->message->salt = 'x';
        $this->assertCategory('salt', fn () => $t->build());
        $t->message->salt = 1;
        $t->addPrivilege(99999, 0);
        $this->assertCategory('privilege', fn () => $t->build());
    }

    public function testAccessTokenInitReturnsNullWithAWarningNamingTheField(): void
    {
        foreach ([
            'app_id' => ['', self::CERT, self::CHANNEL, self::UID],
            'app_id ' => ['not-an-app-id', self::CERT, self::CHANNEL, self::UID],
            'app_certificate' => [self::APP_ID, '', self::CHANNEL, self::UID],
            'channel_name' => [self::APP_ID, self::CERT, 'a/b', self::UID],
            'uid' => [self::APP_ID, self::CERT, self::CHANNEL, 4294967296],
            'null_argument' => [self::APP_ID, self::CERT, null, self::UID],
        ] as $field => $args) {
            [$t, $warnings] = self::withWarnings(fn () => \AccessToken::init(...$args));
            $this->assertNull($t, $field);
            $this->assertCount(1, $warnings, $field);
            $this->assertStringStartsWith('AccessToken::init: ', $warnings[0]);
            $this->assertStringContainsString(explode('_', trim($field))[0], $warnings[0], $field);
            $this->assertNoSecret($warnings[0]);
        }
    }

    public function testAccessTokenInitWithTokenRebuildsIt(): void
    {
        $t = \AccessToken::initWithToken(self::CLASSIC_TOKEN, self::CERT, self::CHANNEL, self::UID);
        $this->assertSame(self::APP_ID, $t->appID);
        $this->assertSame([self::SALT, self::TS, [1 => self::JOIN_EXPIRE]], [$t->message->salt, $t->message->ts, $t->message->privileges]);
        $this->assertSame(self::CLASSIC_TOKEN, $t->build());

        // Another channel: the same message, signed for it (the signature is not checked, as in the reference).
        $other = \AccessToken::initWithToken(self::CLASSIC_TOKEN, self::CERT, 'room-2', self::UID);
        $this->assertSame('ok', Token::verify($other->build(), self::CERT, 'room-2', self::UID, self::TS - 10));

        foreach (['006invalid', '007' . substr(self::CLASSIC_TOKEN, 3), '', 42] as $bad) {
            [$t, $warnings] = self::withWarnings(fn () => \AccessToken::initWithToken($bad, self::CERT, self::CHANNEL, self::UID));
            $this->assertNull($t);
            $this->assertCount(1, $warnings);
            $this->assertStringStartsWith('AccessToken::extract: ', $warnings[0]);
        }
        $e = new \AccessToken();
        [$ok, $warnings] = self::withWarnings(fn () => $e->extract(self::CLASSIC_TOKEN, self::CERT, '', self::UID));
        $this->assertFalse($ok);
        $this->assertStringContainsString('channel', $warnings[0]);
    }

    public function testAccessTokenFieldsAreTheReferencesAndTheCertificateIsHidden(): void
    {
        $t = \AccessToken::init(self::APP_ID, self::CERT, self::CHANNEL, 'alice');
        $this->assertSame([self::APP_ID, self::CHANNEL, 'alice'], [$t->appID, $t->channelName, $t->uid]);
        $this->assertSame(self::CERT, $t->appCertificate);
        $this->assertTrue(isset($t->appCertificate));
        $t->setUid(42);
        $this->assertSame(42, $t->uid);
        $t->appCertificate = self::OTHER_CERT;
        $t->message->salt = 1;
        $t->message->ts = self::TS;
        $this->assertSame('ok', Token::verify($t->addPrivilege(1, 0)->build(), self::OTHER_CERT, self::CHANNEL, 42, self::TS - 1));

        ob_start();
        var_dump($t);
        print_r($t);
        var_export($t);
        $shown = ob_get_clean() . json_encode($t) . print_r((array) $t, true);
        $this->assertNoSecret($shown);
        $this->assertStringContainsString(self::APP_ID, $shown);
        $this->expectException(\Error::class);
        $t->other = 1;
    }

    // ---- 006: RtcTokenBuilder, RtmTokenBuilder ---------------------------------------------

    public function testRtcTokenBuilderTakesADecimalStringUid(): void
    {
        $token = \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, '2882341273', \RtcTokenBuilder::RolePublisher, self::JOIN_EXPIRE);
        $p = Token::parse($token);
        $this->assertSame(crc32('2882341273'), $p->crcUid);
        $this->assertSame([1 => self::JOIN_EXPIRE, 2 => self::JOIN_EXPIRE, 3 => self::JOIN_EXPIRE, 4 => self::JOIN_EXPIRE], $p->privileges);
        $this->assertSame('ok', Token::verify($token, self::CERT, self::CHANNEL, self::UID, self::JOIN_EXPIRE - 10));
        // "0" is uid 0 here (any user), as the int 0.
        $this->assertSame(crc32(''), Token::parse(\RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, '0', 2, 0))->crcUid);

        foreach (['007', '+1', ' 1', '1.0', '4294967296', '', 'alice'] as $uid) {
            $e = $this->assertCategory('uid', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, $uid, 1, 0));
            $this->assertStringContainsString('uid', $e->getMessage());
        }
        $this->assertCategory('uid', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 4294967296, 1, 0));
        $this->assertCategory('uid', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1.5, 1, 0));
        $this->assertCategory('null_argument', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, null, 1, 0));
    }

    public function testRtcTokenBuilderRolesExpiriesAndAccounts(): void
    {
        $p = Token::parse(\RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, \RtcTokenBuilder::RoleSubscriber, 1446455471.99));
        $this->assertSame([1 => 1446455471], $p->privileges);
        $this->assertSame([0, 1, 2, 101], [\RtcTokenBuilder::RoleAttendee, \RtcTokenBuilder::RolePublisher, \RtcTokenBuilder::RoleSubscriber, \RtcTokenBuilder::RoleAdmin]);
        // null == 0 (Attendee) in the reference's comparison: refused rather than guessed.
        $e = $this->assertCategory('null_argument', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, null, 0));
        $this->assertStringContainsString('role', $e->getMessage());
        $this->assertCategory('role', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, 7, 0));
        $this->assertCategory('expire_ts', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, 1, 4294967296.0));
        $this->assertCategory('channel_name', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, 'a/b', self::UID, 1, 0));

        $account = \RtcTokenBuilder::buildTokenWithUserAccount(self::APP_ID, self::CERT, self::CHANNEL, 'alice', 1, 0);
        $this->assertSame('ok', Token::verify($account, self::CERT, self::CHANNEL, 'alice'));
        // An int account is that uid, as the reference takes it.
        $int = \RtcTokenBuilder::buildTokenWithUserAccount(self::APP_ID, self::CERT, self::CHANNEL, 42, 1, 0);
        $this->assertSame('ok', Token::verify($int, self::CERT, self::CHANNEL, 42));
        $this->assertCategory('uid', fn () => \RtcTokenBuilder::buildTokenWithUserAccount(self::APP_ID, self::CERT, self::CHANNEL, -1, 1, 0));
    }

    public function testRtmTokenBuilderIgnoresTheRoleAsTheReferenceDoes(): void
    {
        $this->assertSame(1, \RtmTokenBuilder::RoleRtmUser);
        foreach ([\RtmTokenBuilder::RoleRtmUser, 0, 2, 101, -5, null, 'admin', '1', '007', 1.5, NAN, [], new \stdClass(), PHP_INT_MAX] as $role) {
            $token = \RtmTokenBuilder::buildToken(self::APP_ID, self::CERT, 'test_user', $role, self::JOIN_EXPIRE + 0.5);
            $t = \AccessToken::initWithToken($token, self::CERT, 'test_user', '');
            $this->assertSame([\AccessToken::Privileges['kRtmLogin'] => self::JOIN_EXPIRE], $t->message->privileges, var_export($role, true));
            $this->assertSame('ok', Token::verify($token, self::CERT, 'test_user', 0, self::JOIN_EXPIRE - 1));
        }
        $this->assertCategory('user_account', fn () => \RtmTokenBuilder::buildToken(self::APP_ID, self::CERT, 7, 1, 0));
    }

    // ---- 007: AccessToken2 and the services ------------------------------------------------

    /** A reference-style AccessToken2 with issue_ts 1111111, salt 1 and $services. */
    private static function token2(\Service ...$services): \AccessToken2
    {
        $t = new \AccessToken2(self::APP_ID, self::CERT, 600);
        $t->issueTs = self::TS;
        $t->salt = self::SALT;
        foreach ($services as $s) {
            $t->addService($s);
        }
        return $t;
    }

    public function testAccessToken2BuildsWhatTheNamespacedClassBuilds(): void
    {
        $rtc = new \ServiceRtc(self::CHANNEL, self::UID);
        $rtc->addPrivilege(\ServiceRtc::PRIVILEGE_JOIN_CHANNEL, 600);
        $rtm = new \ServiceRtm('test_user');
        $rtm->addPrivilege(\ServiceRtm::PRIVILEGE_LOGIN, 600);
        $ours = new \AgoraToken\AccessToken2(self::APP_ID, self::CERT, 600);
        $ours->issueTs = self::TS;
        $ours->salt = self::SALT;
        $ours->addService($rtm);
        $ours->addService($rtc);
        $token = self::token2($rtm, $rtc)->build();
        $this->assertSame($ours->build(), $token);
        $this->assertStringStartsWith('007', $token);
        $this->assertSame('007', \AccessToken2::getVersion());
        $this->assertSame([\AccessToken2::VERSION, \AccessToken2::VERSION_LENGTH], ['007', 3]);

        // Floats are truncated, as the reference's pack("V") does.
        $t = self::token2($rtc, $rtm);
        $t->expire = 600.9;
        $t->issueTs = self::TS + 0.5;
        $t->salt = 1.2;
        $this->assertSame($token, $t->build());
        $f = new \ServiceRtm('test_user');
        $f->addPrivilege(\ServiceRtm::PRIVILEGE_LOGIN, 600.7);
        $this->assertSame($token, self::token2($rtc, $f)->build());
    }

    public function testAccessToken2BuildReturnsEmptyWhereTheReferenceDoes(): void
    {
        $this->assertSame('', (new \AccessToken2(self::APP_ID, self::CERT, 600))->build());
        $rtc = new \ServiceRtc(self::CHANNEL, self::UID);
        $rtc->addPrivilege(1, 0);
        $this->assertSame('', (new \AccessToken2('', self::CERT))->build());
        $bad = self::token2($rtc);
        $bad->appId = 'xyz';
        $this->assertSame('', $bad->build());
        $bad = self::token2($rtc);
        $bad->appCert = 'not a certificate';
        $this->assertSame('', $bad->build());
        $bad->appCert = null;
        $this->assertSame('', $bad->build());
        $bad = self::token2($rtc);
        $bad->appId = null;
        $this->assertSame('', $bad->build());
        // Other invalid values throw, naming the field.
        $this->assertCategory('channel_name', fn () => self::token2(new \ServiceRtc('a/b', 1))->build());
        $this->assertCategory('uid', fn () => self::token2(new \ServiceRtc(self::CHANNEL, 4294967296))->build());
        $t = self::token2($rtc);
        $t->expire = -1;
        $this->assertCategory('expire', fn () => $t->build());
        // A known type needs its own fields: the base class cannot stand for it.
        $this->assertCategory('service', fn () => self::token2(new \Service(\ServiceRtc::SERVICE_TYPE))->build());
    }

    public function testAccessToken2ParsesAsTheReference(): void
    {
        $rtc = new \ServiceRtc(self::CHANNEL, (string) self::UID);
        $rtc->addPrivilege(\ServiceRtc::PRIVILEGE_JOIN_CHANNEL, 600);
        $stream = new \ServiceRtc('stream-channel', 'stream-user');
        $stream->addPrivilege(\ServiceRtc::PRIVILEGE_PUBLISH_DATA_STREAM, 700);
        $rtm = new \ServiceRtm('test_user');
        $rtm->addPrivilege(\ServiceRtm::PRIVILEGE_LOGIN, 650);
        $token = self::token2($rtm, $rtc, $stream)->build();

        $p = new \AccessToken2();
        $this->assertTrue($p->parse($token));
        $this->assertSame([self::APP_ID, self::TS, 600, self::SALT], [$p->appId, $p->issueTs, $p->expire, $p->salt]);
        $this->assertCount(3, $p->services);
        $rtcs = $p->getServices(\ServiceRtc::SERVICE_TYPE);
        $this->assertSame([self::CHANNEL, 'stream-channel'], array_map(fn ($s) => $s->channelName, $rtcs));
        $this->assertSame([(string) self::UID, 'stream-user'], array_map(fn ($s) => $s->uid, $rtcs));
        $this->assertSame([4 => 700], $rtcs[1]->privileges);
        $this->assertSame('test_user', $p->getServices('2')[0]->userId);
        $this->assertSame([], $p->getServices(\ServiceChat::SERVICE_TYPE));
        $this->assertTrue($p->verifySignature(self::CERT));
        $this->assertFalse($p->verifySignature(self::OTHER_CERT));
        $this->assertFalse($p->verifySignature('invalid'));
        $this->assertFalse($p->verifySignature(null));

        // A failed parse resets every field, as the reference's does, and nothing verifies.
        foreach (['006invalid', '007', '007eJx!!', substr($token, 0, 40), 42, null] as $bad) {
            $q = new \AccessToken2();
            $this->assertTrue($q->parse($token));
            $this->assertFalse($q->parse($bad));
            $this->assertSame(['', 0, 0, 0, []], [$q->appId, $q->issueTs, $q->expire, $q->salt, $q->services]);
            $this->assertFalse($q->verifySignature(self::CERT));
        }
        $this->assertFalse((new \AccessToken2())->verifySignature(self::CERT));
    }

    public function testAccessToken2BuildsAndReadsAServiceOfAnUnknownType(): void
    {
        $rtc = new \ServiceRtc(self::CHANNEL, (string) self::UID);
        $rtc->addPrivilege(\ServiceRtc::PRIVILEGE_JOIN_CHANNEL, 600);
        $unknown = new class (999) extends \Service {
        };
        $unknown->addPrivilege(1, 600);
        $token = self::token2($unknown, $rtc)->build();   // packed in type order: RTC, then 999
        $p = new \AccessToken2();
        $this->assertTrue($p->parse($token));
        $this->assertCount(1, $p->getServices(\ServiceRtc::SERVICE_TYPE));
        $this->assertSame([], $p->getServices(999));
        $this->assertTrue($p->verifySignature(self::CERT));
        $this->assertFalse($p->verifySignature(self::OTHER_CERT));
        // The strict readers still refuse it, naming the service.
        $this->assertCategory('service', fn () => (new \AgoraToken\AccessToken2())->parse($token));

        // Type 0 comes first: reading stops before the RTC service, the signature still covers it.
        $zero = new \Service(0);
        $zero->addPrivilege(1, 600);
        $token = self::token2($rtc, $zero)->build();
        $this->assertTrue($p->parse($token));
        $this->assertSame([], $p->services);
        $this->assertTrue($p->verifySignature(self::CERT));
        // A known type number in the base layout is refused by the library.
        $this->assertCategory('service', fn () => self::token2(new \Service(5))->build());
    }

    public function testAccessToken2ReadsEveryTypeTheLibraryKnows(): void
    {
        $convo = new \AgoraToken\ServiceConvoAI();
        $stt = new \AgoraToken\ServiceStt();
        $t = self::token2($stt, $convo);
        $t->expire = 0;                       // a token that expires at its issue_ts still verifies its signature
        $p = new \AccessToken2();
        $this->assertTrue($p->parse($t->build()));
        $this->assertSame([\AgoraToken\ServiceConvoAI::class, \AgoraToken\ServiceStt::class], array_map('get_class', $p->services));
        $this->assertSame(0, $p->expire);
        $this->assertTrue($p->verifySignature(self::CERT));
    }

    public function testAccessToken2CertificateIsHidden(): void
    {
        $t = new \AccessToken2(self::APP_ID, self::CERT, 600);
        $this->assertSame(self::CERT, $t->appCert);
        $this->assertTrue(isset($t->appCert));
        ob_start();
        var_dump($t);
        print_r($t);
        var_export($t);
        $shown = ob_get_clean() . json_encode($t) . print_r((array) $t, true);
        $this->assertNoSecret($shown);
        $this->assertStringContainsString(self::APP_ID, $shown);
        $this->expectException(\Error::class);
        $t->appCertificate = self::CERT;
    }

    public function testServicesOfTheReference(): void
    {
        $s = new \ServiceStreaming(self::CHANNEL, 0);
        $s->addPrivilege(\ServiceStreaming::PRIVILEGE_PUBLISH_MIX_STREAM, 600);
        $f = new \ServiceFCdn(self::CHANNEL, 'fcdn-account');
        $f->addPrivilege(\ServiceFCdn::PRIVILEGE_PLAY, 600);
        $a = new \ServiceApaas('room', 'user', 1);
        $a->addPrivilege(\ServiceApaas::PRIVILEGE_ROOM_USER, 600);
        $perm = new \Rtm2Permissions();
        $perm->add(\Rtm2Permissions::MESSAGE_CHANNELS, \Rtm2Permissions::READ, ['message-a']);
        $r2 = new \ServiceRtm2('test_user', $perm);
        $r2->addPrivilege(\ServiceRtm2::PRIVILEGE_LOGIN, 600);
        $fpa = new \ServiceFpa();
        $fpa->addPrivilege(\ServiceFpa::PRIVILEGE_LOGIN, 0);
        $chat = new \ServiceChat();
        $chat->addPrivilege(\ServiceChat::PRIVILEGE_APP, 600);
        $p = new \AccessToken2();
        $this->assertTrue($p->parse(self::token2($s, $f, $a, $r2, $fpa, $chat)->build()));
        $this->assertSame('', $p->getServices(3)[0]->account);
        $this->assertSame('fcdn-account', $p->getServices(6)[0]->account);
        $this->assertSame(['room', 'user', 1], [$p->getServices(7)[0]->roomUuid, $p->getServices(7)[0]->userUuid, $p->getServices(7)[0]->role]);
        $this->assertSame([0 => [0 => ['message-a']]], $p->getServices(8)[0]->permissions->details);
        $this->assertSame([1 => 0], $p->getServices(4)[0]->privileges);
        $this->assertSame([2 => 600], $p->getServices(5)[0]->privileges);
    }

    // ---- 007 builders ----------------------------------------------------------------------

    /** @return array<int, int> privilege => seconds of the first service of $type */
    private static function privilegesOf(string $token, int $type): array
    {
        $p = new \AccessToken2();
        self::assertTrue($p->parse($token));
        return $p->getServices($type)[0]->privileges;
    }

    public function testRtcTokenBuilder2BuildsWhatTheNamespacedOneBuilds(): void
    {
        Token2::pin(self::TS, self::SALT);
        $ours = \AgoraToken\RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, 1, 600, 600);
        $this->assertSame($ours, \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, \RtcTokenBuilder2::ROLE_PUBLISHER, 600, 600));
        $this->assertSame($ours, \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, '2882341273', 1, 600.5, 600.99));
        $this->assertSame($ours, \RtcTokenBuilder2::buildTokenWithUserAccount(self::APP_ID, self::CERT, self::CHANNEL, '2882341273', 1, 600, 600));
        $this->assertSame($ours, \RtcTokenBuilder2::buildTokenWithUserAccount(self::APP_ID, self::CERT, self::CHANNEL, self::UID, 1, 600, 600));
        $this->assertSame($ours, \RtcTokenBuilder2::buildTokenWithUidAndPrivilege(self::APP_ID, self::CERT, self::CHANNEL, '2882341273', 600, 600, 600, 600, 600.2));
        $this->assertSame($ours, \RtcTokenBuilder2::buildTokenWithUserAccountAndPrivilege(self::APP_ID, self::CERT, self::CHANNEL, '2882341273', 600, 600, 600, 600, 600));
        $this->assertSame([1, 2], [\RtcTokenBuilder2::ROLE_PUBLISHER, \RtcTokenBuilder2::ROLE_SUBSCRIBER]);
    }

    public function testRtcTokenBuilder2NullRoleIsJoinOnly(): void
    {
        Token2::pin(self::TS, self::SALT);
        $subscriber = \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, \RtcTokenBuilder2::ROLE_SUBSCRIBER, 600, 600);
        $this->assertSame($subscriber, \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, null, 600, 600));
        $this->assertSame([1 => 600], self::privilegesOf($subscriber, \ServiceRtc::SERVICE_TYPE));
        foreach (['buildTokenWithRtm', 'buildTokenWithUserAccount'] as $method) {
            $this->assertSame([1 => 0], self::privilegesOf(\RtcTokenBuilder2::$method(self::APP_ID, self::CERT, self::CHANNEL, 'alice', null, 600), 1), $method);
        }
        $this->assertCategory('role', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, 3, 600));
        $this->assertCategory('role', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, self::UID, 'publisher', 600));
    }

    public function testRtcTokenBuilder2Refusals(): void
    {
        foreach (['007', '+1', ' 1', '1.0', '4294967296', 'alice', ''] as $uid) {
            $this->assertCategory('uid', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, $uid, 1, 600));
            $this->assertCategory('uid', fn () => \RtcTokenBuilder2::buildTokenWithUidAndPrivilege(self::APP_ID, self::CERT, self::CHANNEL, $uid, 600, 0, 0, 0, 0));
        }
        $this->assertCategory('uid', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 4294967296, 1, 600));
        $this->assertCategory('uid', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, -1, 1, 600));
        $this->assertCategory('uid', fn () => \RtcTokenBuilder2::buildTokenWithUserAccount(self::APP_ID, self::CERT, self::CHANNEL, 4294967296, 1, 600));
        $this->assertCategory('channel_name', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, 'a/b', 1, 1, 600));
        $this->assertCategory('expire', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, 1, INF));
        $this->assertCategory('expire', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, 1, -0.5 - 1));
        $this->assertCategory('expire_ts', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, 1, 600, NAN));
        $this->assertCategory('app_id', fn () => \RtcTokenBuilder2::buildTokenWithUid('', self::CERT, self::CHANNEL, 1, 1, 600));
        $this->assertCategory('app_certificate', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, 'x', self::CHANNEL, 1, 1, 600));
        $this->assertCategory('null_argument', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, null, 1, 1, 600));
    }

    public function testRtcTokenBuilder2UidZeroIsAnyUser(): void
    {
        $p = new \AccessToken2();
        foreach ([0, '0'] as $uid) {
            $this->assertTrue($p->parse(\RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, $uid, 2, 600)));
            $this->assertSame('', $p->getServices(1)[0]->uid);
        }
    }

    public function testRtcTokenBuilder2WithRtm(): void
    {
        $p = new \AccessToken2();
        $this->assertTrue($p->parse(\RtcTokenBuilder2::buildTokenWithRtm(self::APP_ID, self::CERT, self::CHANNEL, 'alice', 1, 600, 300)));
        $this->assertSame([1 => 300, 2 => 300, 3 => 300, 4 => 300], $p->getServices(1)[0]->privileges);
        $this->assertSame(['alice', [1 => 600]], [$p->getServices(2)[0]->userId, $p->getServices(2)[0]->privileges]);
        $this->assertTrue($p->parse(\RtcTokenBuilder2::buildTokenWithRtm2(self::APP_ID, self::CERT, self::CHANNEL, 'alice', 1, 600, 1, 2, 3, 4.5, 'bob', 900)));
        $this->assertSame([1 => 1, 2 => 2, 3 => 3, 4 => 4], $p->getServices(1)[0]->privileges);
        $this->assertSame(['bob', [1 => 900]], [$p->getServices(2)[0]->userId, $p->getServices(2)[0]->privileges]);
        $this->assertCategory('user_id', fn () => \RtcTokenBuilder2::buildTokenWithRtm2(self::APP_ID, self::CERT, self::CHANNEL, 'alice', 1, 600, 1, 2, 3, 4, '', 900));
    }

    public function testRtmChatFpaBuilders(): void
    {
        Token2::pin(self::TS, self::SALT);
        $this->assertSame(\AgoraToken\RtmTokenBuilder2::buildToken(self::APP_ID, self::CERT, 'test_user', 600),
            \RtmTokenBuilder2::buildToken(self::APP_ID, self::CERT, 'test_user', 600.3));
        $this->assertSame(\AgoraToken\RtmTokenBuilder2::buildToken(self::APP_ID, self::CERT, '42', 600),
            \RtmTokenBuilder2::buildToken(self::APP_ID, self::CERT, 42, 600));
        $perm = new \Rtm2Permissions();
        $perm->add(\Rtm2Permissions::STREAM_CHANNELS, \Rtm2Permissions::WRITE, ['stream-a']);
        $this->assertSame(\AgoraToken\RtmTokenBuilder2::buildTokenWithPermissions(self::APP_ID, self::CERT, 'test_user', $perm, 600),
            \RtmTokenBuilder2::buildTokenWithPermissions(self::APP_ID, self::CERT, 'test_user', $perm, 600));
        $this->assertSame(\AgoraToken\RtmTokenBuilder2::buildTokenWithPermissions(self::APP_ID, self::CERT, 'test_user', null, 600),
            \RtmTokenBuilder2::buildTokenWithPermissions(self::APP_ID, self::CERT, 'test_user', null, 600));
        $this->assertCategory('permission', fn () => \RtmTokenBuilder2::buildTokenWithPermissions(self::APP_ID, self::CERT, 'test_user', [], 600));
        $this->assertCategory('user_id', fn () => \RtmTokenBuilder2::buildToken(self::APP_ID, self::CERT, '', 600));

        $this->assertSame(\AgoraToken\ChatTokenBuilder2::buildUserToken(self::APP_ID, self::CERT, 'test_user', 600),
            \ChatTokenBuilder2::buildUserToken(self::APP_ID, self::CERT, 'test_user', 600.9));
        $this->assertSame(\AgoraToken\ChatTokenBuilder2::buildAppToken(self::APP_ID, self::CERT, 600),
            \ChatTokenBuilder2::buildAppToken(self::APP_ID, self::CERT, 600));
        $this->assertSame(\AgoraToken\FpaTokenBuilder::buildToken(self::APP_ID, self::CERT), \FpaTokenBuilder::buildToken(self::APP_ID, self::CERT));
        $this->assertCategory('expire', fn () => \ChatTokenBuilder2::buildAppToken(self::APP_ID, self::CERT, 'soon'));
        $this->assertCategory('null_argument', fn () => \ChatTokenBuilder2::buildAppToken(self::APP_ID, self::CERT, null));
    }

    public function testApaasAndEducationBuilders(): void
    {
        Token2::pin(self::TS, self::SALT);
        foreach ([[\ApaasTokenBuilder::class, \AgoraToken\ApaasTokenBuilder::class], [\EducationTokenBuilder::class, \AgoraToken\EducationTokenBuilder::class]] as [$ref, $ours]) {
            $this->assertSame($ours::buildRoomUserToken(self::APP_ID, self::CERT, '123', '2882341273', 1, 600),
                $ref::buildRoomUserToken(self::APP_ID, self::CERT, '123', '2882341273', 1, 600.5));
            $this->assertSame($ours::buildUserToken(self::APP_ID, self::CERT, '2882341273', 600), $ref::buildUserToken(self::APP_ID, self::CERT, '2882341273', 600));
            $this->assertSame($ours::buildAppToken(self::APP_ID, self::CERT, 600), $ref::buildAppToken(self::APP_ID, self::CERT, 600));
            $this->assertCategory('role', fn () => $ref::buildRoomUserToken(self::APP_ID, self::CERT, '123', 'u', 40000, 600));
            $this->assertCategory('null_argument', fn () => $ref::buildRoomUserToken(self::APP_ID, self::CERT, '123', 'u', null, 600));
            $this->assertCategory('room_uuid', fn () => $ref::buildRoomUserToken(self::APP_ID, self::CERT, 123, 'u', 1, 600));
        }
    }

    /** What $_GET hands over: every number as text, as Agora's PHP builders take it. */
    public function testNumbersAsCanonicalDecimalStrings(): void
    {
        class_exists(\Service::class);   // the alias, for token2()'s parameter type
        Token2::pin(self::TS, self::SALT);
        // The 3600 s publisher token of the reference's call with every number as a string.
        $ours = \AgoraToken\RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 42, 1, 3600, 3600);
        $this->assertSame($ours, \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, '42', '1', '3600', '3600'));
        $this->assertSame([1 => 3600, 2 => 3600, 3 => 3600, 4 => 3600], self::privilegesOf($ours, 1));
        $this->assertSame(\AgoraToken\RtcTokenBuilder2::buildTokenWithUserAccount(self::APP_ID, self::CERT, self::CHANNEL, 'alice', 2, 600, 0),
            \RtcTokenBuilder2::buildTokenWithUserAccount(self::APP_ID, self::CERT, self::CHANNEL, 'alice', '2', '600', '0'));
        $this->assertSame(\AgoraToken\RtcTokenBuilder2::buildTokenWithRtm2(self::APP_ID, self::CERT, self::CHANNEL, 'alice', 1, 600, 1, 2, 3, 4, 'bob', 900),
            \RtcTokenBuilder2::buildTokenWithRtm2(self::APP_ID, self::CERT, self::CHANNEL, 'alice', '1', '600', '1', '2', '3', '4', 'bob', '900'));
        $this->assertSame(\AgoraToken\RtmTokenBuilder2::buildToken(self::APP_ID, self::CERT, 'test_user', 600),
            \RtmTokenBuilder2::buildToken(self::APP_ID, self::CERT, 'test_user', '600'));
        $this->assertSame(\AgoraToken\ChatTokenBuilder2::buildAppToken(self::APP_ID, self::CERT, 4294967295),
            \ChatTokenBuilder2::buildAppToken(self::APP_ID, self::CERT, '4294967295'));
        $this->assertSame(\AgoraToken\ApaasTokenBuilder::buildRoomUserToken(self::APP_ID, self::CERT, '123', 'u', 2, 600),
            \ApaasTokenBuilder::buildRoomUserToken(self::APP_ID, self::CERT, '123', 'u', '2', '600'));

        // 006: role and privilege expiry.
        $p = Token::parse(\RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, '42', '2', (string) self::JOIN_EXPIRE));
        $this->assertSame([1 => self::JOIN_EXPIRE], $p->privileges);
        $p = Token::parse(\RtcTokenBuilder::buildTokenWithUserAccount(self::APP_ID, self::CERT, self::CHANNEL, 'alice', '101', '0'));
        $this->assertSame([1 => 0, 2 => 0, 3 => 0, 4 => 0], $p->privileges);
        $p = Token::parse(\RtmTokenBuilder::buildToken(self::APP_ID, self::CERT, 'test_user', '1', (string) self::JOIN_EXPIRE));
        $this->assertSame([1000 => self::JOIN_EXPIRE], $p->privileges);

        // The reference-named token classes: salt, ts, issueTs, expire, a service's privilege.
        $t = \AccessToken::init(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
        $t->message->salt = '1';
        $t->message->ts = '1111111';
        $t->addPrivilege(\AccessToken::Privileges['kJoinChannel'], (string) self::JOIN_EXPIRE);
        $p = Token::parse($t->build());
        $this->assertSame([1, 1111111, [1 => self::JOIN_EXPIRE]], [$p->salt, $p->ts, $p->privileges]);
        $rtc = new \ServiceRtc(self::CHANNEL, self::UID);
        $rtc->addPrivilege(\ServiceRtc::PRIVILEGE_JOIN_CHANNEL, '600');
        $t2 = new \AccessToken2(self::APP_ID, self::CERT, '600');
        [$t2->issueTs, $t2->salt] = [(string) self::TS, (string) self::SALT];
        $t2->addService($rtc);
        $int = new \ServiceRtc(self::CHANNEL, self::UID);
        $int->addPrivilege(\ServiceRtc::PRIVILEGE_JOIN_CHANNEL, 600);
        $this->assertSame(self::token2($int)->build(), $t2->build());
    }

    /** Text that is not a number in canonical decimal form is refused, naming the field; so is a lifetime beyond 32 bits. */
    public function testOtherTextForANumberIsRefused(): void
    {
        class_exists(\Service::class);   // the alias, for token2()'s parameter type
        foreach (['007', '+1', ' 1', '1 ', '1.5', '1e3', '0x10', '-1', '', 'soon', '4294967296'] as $text) {
            $this->assertCategory('expire', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, 1, $text, 0));
            $this->assertCategory('expire_ts', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, 1, 600, $text));
            $this->assertCategory('expire_ts', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, 1, $text));
            $this->assertCategory('expire_ts', fn () => \RtmTokenBuilder::buildToken(self::APP_ID, self::CERT, 'test_user', 1, $text));
            $this->assertCategory('expire', fn () => \ChatTokenBuilder2::buildUserToken(self::APP_ID, self::CERT, 'u', $text));
            $t = \AccessToken::init(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
            $t->message->salt = $text;
            $this->assertCategory('salt', fn () => $t->build());
            [$t->message->salt, $t->message->ts] = [1, $text];
            $this->assertCategory('ts', fn () => $t->build());
            $rtm = new \ServiceRtm('u');
            $rtm->addPrivilege(\ServiceRtm::PRIVILEGE_LOGIN, $text);   // PHP itself would read "007" as 7, " 1" as 1
            $this->assertCategory('expire', fn () => self::token2($rtm)->build());
            $t2 = self::token2(new \ServiceRtm('u'));
            $t2->issueTs = $text;
            $this->assertCategory('issue_ts', fn () => $t2->build());
        }
        foreach (['01', ' 1', '1.0', 'publisher', '-1'] as $text) {
            $e = $this->assertCategory('role', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, $text, 600));
            $this->assertStringStartsWith('role: ', $e->getMessage());
            $this->assertCategory('role', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, $text, 0));
        }
        // A decimal role the tables do not know is the same error as its int.
        $this->assertCategory('role', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, '3', 600));
        $this->assertCategory('role', fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, '4294967295', 0));
        $e = $this->assertCategory('expire', fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, 1, 1, [600]));
        $this->assertStringContainsString('token_expire', $e->getMessage());
    }

    public function testNoMessageHoldsTheCertificate(): void
    {
        foreach ([
            fn () => \RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, 'a/b', 1, 1, 600),
            fn () => \RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, self::CHANNEL, '007', 1, 0),
            fn () => \ChatTokenBuilder2::buildAppToken(self::APP_ID, self::CERT, -1.0),
        ] as $f) {
            try {
                $f();
                $this->fail('expected an exception');
            } catch (AgoraTokenException $e) {
                $this->assertNoSecret((string) $e);
            }
        }
    }
}
