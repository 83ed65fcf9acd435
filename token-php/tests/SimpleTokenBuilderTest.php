<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

use AgoraToken\AgoraTokenException;
use AgoraToken\Privileges;
use AgoraToken\Role;
use AgoraToken\RtcTokenBuilder;
use AgoraToken\RtmTokenBuilder;
use AgoraToken\SimpleTokenBuilder;
use AgoraToken\Token;

final class SimpleTokenBuilderTest extends Fixtures
{
    private static function classic(int|string $uid = self::UID): SimpleTokenBuilder
    {
        $b = new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, $uid);
        $b->setSalt(self::SALT);
        $b->setTs(self::TS);
        $b->setPrivilege(Privileges::kJoinChannel, self::JOIN_EXPIRE);
        return $b;
    }

    public function testClassicTokenByteForByte(): void
    {
        $this->assertSame(self::CLASSIC_TOKEN, self::classic()->buildToken());
        // The same builder builds the same token again.
        $b = self::classic();
        $this->assertSame($b->buildToken(), $b->buildToken());
    }

    public function testUidAndNumericAccountAreTheSameUser(): void
    {
        $this->assertSame(self::CLASSIC_TOKEN, self::classic((string) self::UID)->buildToken());
        $this->assertSame((string) self::UID, self::classic((string) self::UID)->getUid());
        $this->assertSame(self::UID, self::classic()->getUid());
    }

    public function testUidZeroIsSignedAsTheEmptyStringNotAsAccountZero(): void
    {
        $zero = self::classic(0)->buildToken();
        $this->assertSame(0, Token::parse($zero)->crcUid);
        $this->assertSame(crc32('0'), Token::parse(self::classic('0')->buildToken())->crcUid);
        $this->assertNotSame($zero, self::classic('0')->buildToken());
    }

    public function testGetters(): void
    {
        $b = self::classic('alice');
        $this->assertSame(self::APP_ID, $b->getAppID());
        $this->assertSame(self::CHANNEL, $b->getChannelName());
        $this->assertSame('alice', $b->getUid());
    }

    /** @return array<string, array{0: string, 1: array<int, mixed>}> */
    public static function invalidConstructorArguments(): array
    {
        $ok = [self::APP_ID, self::CERT, self::CHANNEL, 7];
        $with = static function (int $i, mixed $v) use ($ok): array {
            $ok[$i] = $v;
            return $ok;
        };
        return [
            'app id 31 hex' => ['app_id', $with(0, substr(self::APP_ID, 1))],
            'app id 33 hex' => ['app_id', $with(0, self::APP_ID . 'a')],
            'app id not hex' => ['app_id', $with(0, 'g' . substr(self::APP_ID, 1))],
            'app id empty' => ['app_id', $with(0, '')],
            'app id int' => ['app_id', $with(0, 12)],
            'app id NUL' => ['app_id', $with(0, substr(self::APP_ID, 0, 31) . "\0")],
            'app id null' => ['null_argument', $with(0, null)],
            'certificate 31 hex' => ['app_certificate', $with(1, substr(self::CERT, 1))],
            'certificate not hex' => ['app_certificate', $with(1, substr(self::CERT, 0, 31) . 'z')],
            'certificate empty' => ['app_certificate', $with(1, '')],
            'certificate array' => ['app_certificate', $with(1, [self::CERT])],
            'certificate NUL' => ['app_certificate', $with(1, self::CERT . "\0")],
            'certificate null' => ['null_argument', $with(1, null)],
            'channel empty' => ['channel_name', $with(2, '')],
            'channel 65 bytes' => ['channel_name', $with(2, str_repeat('c', 65))],
            'channel slash' => ['channel_name', $with(2, 'a/b')],
            'channel quote' => ['channel_name', $with(2, 'a"b')],
            'channel non-ascii' => ['channel_name', $with(2, 'caf' . "\u{e9}")],
            'channel invalid utf-8' => ['channel_name', $with(2, "a\xffb")],
            'channel NUL' => ['channel_name', $with(2, "room\0evil")],
            'channel int' => ['channel_name', $with(2, 42)],
            'channel null' => ['null_argument', $with(2, null)],
            'account empty' => ['user_account', $with(3, '')],
            'account 256 bytes' => ['user_account', $with(3, str_repeat('u', 256))],
            'account tab' => ['user_account', $with(3, "a\tb")],
            'account NUL' => ['user_account', $with(3, "bob\0")],
            'uid negative' => ['uid', $with(3, -1)],
            'uid 2^32' => ['uid', $with(3, 4294967296)],
            'uid float' => ['uid', $with(3, 7.0)],
            'uid bool' => ['uid', $with(3, true)],
            'uid array' => ['uid', $with(3, [7])],
            'uid null' => ['null_argument', $with(3, null)],
            'app id checked first' => ['app_id', ['x', 'y', '', '']],
            'then the certificate' => ['app_certificate', [self::APP_ID, 'y', '', '']],
            'then the channel' => ['channel_name', [self::APP_ID, self::CERT, '', '']],
            'type errors before values' => ['uid', ['x', 'y', '', -1]],
            'null before values' => ['null_argument', ['x', 'y', null, 1]],
        ];
    }

    /**
     * @dataProvider invalidConstructorArguments
     * @param array<int, mixed> $args
     */
    public function testInvalidConstructorArguments(string $category, array $args): void
    {
        $this->assertCategory($category, static fn () => new SimpleTokenBuilder(...$args));
    }

    public function testLimitsAreAccepted(): void
    {
        $chars = 'azAZ09 !#$%&()+-:;<=.>?@[]^_{}|~,';
        foreach ([[str_repeat('c', 64), 0], [$chars, 4294967295], ['x', str_repeat('u', 255)], ['x', $chars]] as [$channel, $uid]) {
            $token = (new SimpleTokenBuilder(strtolower(self::APP_ID), self::CERT, $channel, $uid))->buildToken();
            $this->assertSame('ok', Token::verify($token, self::CERT, $channel, $uid));
        }
    }

    public function testMessagesNameTheFieldWithoutTheCertificate(): void
    {
        $e = $this->assertCategory('app_certificate', static fn () => new SimpleTokenBuilder(self::APP_ID, self::CERT . 'a', 'c', 1));
        $this->assertStringStartsWith('app_certificate:', $e->getMessage());
        $e = $this->assertCategory('channel_name', static fn () => new SimpleTokenBuilder(self::APP_ID, self::CERT, '', 1));
        $this->assertSame('channel_name: must not be empty', $e->getMessage());
        $this->assertSame(-3, $e->getCode());
        $e = $this->assertCategory('uid', static fn () => new SimpleTokenBuilder(self::APP_ID, self::CERT, 'c', -1));
        $this->assertSame('uid: -1 is outside 0..=4294967295; -1 may be the signed 32-bit view of the unsigned uid 4294967295 (Java and C# ints are signed)', $e->getMessage());
        $e = $this->assertCategory('null_argument', static fn () => new SimpleTokenBuilder(self::APP_ID, null, 'c', 1));
        $this->assertSame('app_certificate: must not be null', $e->getMessage());
        $e = $this->assertCategory('channel_name', static fn () => new SimpleTokenBuilder(self::APP_ID, self::CERT, "a\0b", 1));
        $this->assertSame('channel_name: must not contain a NUL byte', $e->getMessage());
    }

    /**
     * With traces that carry their arguments (zend.exception_ignore_args=0, the
     * php.ini-development and built-in default; phpunit.xml sets it), the
     * certificate shows as a SensitiveParameterValue, never as text.
     */
    public function testTracesHideTheCertificateArgument(): void
    {
        $this->assertSame('0', ini_get('zend.exception_ignore_args'));
        $calls = [
            ['channel_name', static fn () => new SimpleTokenBuilder(self::APP_ID, self::CERT, '', 1)],
            ['app_certificate', static fn () => new SimpleTokenBuilder(self::APP_ID, self::CERT . "\0", 'c', 1)],
            ['role', static fn () => RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, 'c', 1, 7, 0)],
            ['role', static fn () => RtcTokenBuilder::buildTokenWithUserAccount(self::APP_ID, self::CERT, 'c', 'u', 7, 0)],
            ['user_account', static fn () => RtmTokenBuilder::buildToken(self::APP_ID, self::CERT, 'a/b', 1, 0)],
            ['version', static fn () => Token::verify('007', self::CERT, 'c', 1)],
            ['app_certificate', static fn () => Token::verify(self::CLASSIC_TOKEN, self::CERT . "\0", 'c', 1)],
        ];
        foreach ($calls as [$category, $call]) {
            $e = $this->assertCategory($category, $call);
            $this->assertStringContainsString('Object(SensitiveParameterValue)', (string) $e);
            foreach ($e->getTrace() as $frame) {
                if (str_starts_with($frame['class'] ?? '', 'AgoraToken\\Tests\\')) {
                    break; // the test's own frames: the package's are all below
                }
                foreach ($frame['args'] ?? [] as $arg) {
                    $this->assertFalse(\is_string($arg) && stripos($arg, self::CERT) !== false, 'an argument of ' . $frame['function']);
                }
            }
        }
    }

    public function testInitTokenBuilderTakesThePrivileges(): void
    {
        $origin = self::classic();
        $origin->setPrivilege(Privileges::kPublishAudioStream, 99);
        $token = $origin->buildToken();

        $b = new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
        $this->assertNull($b->getSalt());
        $this->assertNull($b->getTs());
        $this->assertSame(0, $b->initTokenBuilder($token));
        // Salt and ts are drawn afresh (token-core's rule); set them to get the same token.
        $this->assertNull($b->getSalt());
        $this->assertNull($b->getTs());
        $b->setSalt(self::SALT);
        $b->setTs(self::TS);
        $this->assertSame($token, $b->buildToken());
        $this->assertSame([1 => self::JOIN_EXPIRE, 2 => 99], Token::parse($b->buildToken())->privileges);
        // Renewal: a later expiry, same salt and privileges.
        $b->setTs(self::TS + 10);
        $this->assertSame(self::TS + 10, Token::parse($b->buildToken())->ts);
        // The same user as a numeric account.
        $this->assertSame(0, (new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, (string) self::UID))->initTokenBuilder($token));
    }

    /** @return array<string, array{0: string, 1: mixed}> */
    public static function badOriginTokens(): array
    {
        $t = self::CLASSIC_TOKEN;
        $other = static fn (string $app, string $channel, int|string $uid): string =>
            (new SimpleTokenBuilder($app, self::CERT, $channel, $uid))->buildToken();
        return [
            'empty' => ['version', ''],
            'version 007' => ['version', '007' . substr($t, 3)],
            'app id not hex' => ['app_id', '006' . str_repeat('z', 32) . substr($t, 35)],
            'app id short' => ['app_id', '006970CA35'],
            'nothing after app id' => ['truncated', substr($t, 0, 35)],
            'not base64' => ['base64', substr($t, 0, 35) . '!!!!'],
            'line break' => ['base64', substr($t, 0, 40) . "\n" . substr($t, 40)],
            'NUL in content' => ['base64', substr($t, 0, 40) . "\0" . substr($t, 41)],
            'truncated' => ['truncated', self::editContent($t, static fn (string $c): string => substr($c, 0, -1))],
            'trailing' => ['trailing', self::editContent($t, static fn (string $c): string => $c . "\0")],
            'other app id' => ['app_id_mismatch', $other(self::OTHER_APP_ID, self::CHANNEL, self::UID)],
            'other channel' => ['channel_mismatch', $other(self::APP_ID, 'other', self::UID)],
            'other uid' => ['uid_mismatch', $other(self::APP_ID, self::CHANNEL, self::UID - 1)],
            'account "0" is not uid 0' => ['uid_mismatch', $other(self::APP_ID, self::CHANNEL, '0')],
            'null' => ['null_argument', null],
            'int' => ['version', 6],
            'array' => ['version', [$t]],
        ];
    }

    /** @dataProvider badOriginTokens */
    public function testInitTokenBuilderFailuresReturnTheCodeAndChangeNothing(string $category, mixed $token): void
    {
        $b = new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
        $b->setPrivilege(Privileges::kRtmLogin, 5);
        $before = $b->buildToken();
        $code = $b->initTokenBuilder($token);
        $this->assertLessThan(0, $code);
        $this->assertSame($category, AgoraTokenException::categoryOf($code));
        $this->assertNull($b->getSalt());
        $this->assertNull($b->getTs());
        $this->assertSame([1000 => 5], Token::parse($b->buildToken())->privileges);
        $this->assertStringStartsWith('006' . self::APP_ID, $before);
    }

    public function testInitPrivilegesReplacesThePrivilegesWithTheRoles(): void
    {
        $publisher = [1 => 0, 2 => 0, 3 => 0, 4 => 0];
        foreach ([Role::kRoleAttendee => $publisher, Role::kRolePublisher => $publisher,
            Role::kRoleSubscriber => [1 => 0], Role::kRoleAdmin => $publisher] as $role => $want) {
            $b = self::classic();
            $b->setPrivilege(Privileges::kRtmLogin, 77);
            $b->initPrivileges($role);
            $this->assertSame($want, Token::parse($b->buildToken())->privileges, "role $role");
        }
    }

    /** @return array<string, array{0: string, 1: mixed}> */
    public static function invalidRoles(): array
    {
        return [
            '3' => ['role', 3], '-1' => ['role', -1], '100' => ['role', 100], '2^32+1' => ['role', 4294967297],
            'PHP_INT_MAX' => ['role', PHP_INT_MAX], 'string' => ['role', '1'], 'float' => ['role', 1.0],
            'null' => ['null_argument', null],
        ];
    }

    /** @dataProvider invalidRoles */
    public function testInitPrivilegesRejectsUndocumentedRoles(string $category, mixed $role): void
    {
        $b = self::classic();
        $this->assertCategory($category, static fn () => $b->initPrivileges($role));
        $this->assertSame(self::CLASSIC_TOKEN, $b->buildToken());
    }

    public function testSetPrivilegeSortsAndOverwrites(): void
    {
        $b = new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
        $b->setSalt(self::SALT);
        $b->setTs(self::TS);
        $b->setPrivilege(Privileges::kRtmLogin, 3);
        $b->setPrivilege(Privileges::kAdministrateChannel, 0);
        $b->setPrivilege(Privileges::kJoinChannel, 1);
        $b->setPrivilege(Privileges::kJoinChannel, self::JOIN_EXPIRE);
        $b->setPrivilege(Privileges::kPublishVideoCdn, 4294967295);
        $this->assertSame([1 => self::JOIN_EXPIRE, 6 => 4294967295, 101 => 0, 1000 => 3], Token::parse($b->buildToken())->privileges);
        $b->removePrivilege(Privileges::kRtmLogin);
        $b->removePrivilege(Privileges::kAdministrateChannel);
        $b->removePrivilege(Privileges::kPublishVideoCdn);
        $b->removePrivilege(Privileges::kPublishVideoCdn); // absent: no-op
        $this->assertSame(self::CLASSIC_TOKEN, $b->buildToken());
        $b->removePrivilege(Privileges::kJoinChannel);
        $this->assertSame([], Token::parse($b->buildToken())->privileges);
    }

    /** @return array<string, array{0: string, 1: mixed, 2: mixed}> */
    public static function invalidPrivileges(): array
    {
        return [
            'id 0' => ['privilege', 0, 1], 'id 13' => ['privilege', 13, 1], 'id 100' => ['privilege', 100, 1],
            'id -1' => ['privilege', -1, 1], 'id 2^32+1' => ['privilege', 4294967297, 1],
            'id string' => ['privilege', '1', 1], 'id float' => ['privilege', 1.0, 1], 'id null' => ['null_argument', null, 1],
            'expiry -1' => ['expire_ts', 1, -1], 'expiry 2^32' => ['expire_ts', 1, 4294967296],
            'expiry string' => ['expire_ts', 1, '5'], 'expiry float' => ['expire_ts', 1, 5.0],
            'expiry null' => ['null_argument', 1, null],
        ];
    }

    /** @dataProvider invalidPrivileges */
    public function testSetPrivilegeRejects(string $category, mixed $privilege, mixed $expire): void
    {
        $b = self::classic();
        $this->assertCategory($category, static fn () => $b->setPrivilege($privilege, $expire));
        $this->assertSame(self::CLASSIC_TOKEN, $b->buildToken());
    }

    /** @return array<string, array{0: string, 1: mixed}> */
    public static function invalidPrivilegeIds(): array
    {
        $rows = [];
        foreach (self::invalidPrivileges() as $name => [$category, $id, $expire]) {
            if ($expire === 1) {
                $rows[$name] = [$category, $id];
            }
        }
        return $rows;
    }

    /** @dataProvider invalidPrivilegeIds */
    public function testRemovePrivilegeRejects(string $category, mixed $privilege): void
    {
        $b = self::classic();
        $this->assertCategory($category, static fn () => $b->removePrivilege($privilege));
        $this->assertSame(self::CLASSIC_TOKEN, $b->buildToken());
    }

    public function testSaltIsRandomPerTokenUntilSet(): void
    {
        $b = new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
        $this->assertNull($b->getSalt());
        $salts = [];
        for ($i = 0; $i < 4; $i++) {
            $salts[Token::parse($b->buildToken())->salt] = true;
        }
        $this->assertGreaterThan(1, count($salts), 'four tokens, one salt');
        $b->setSalt(0);
        $this->assertSame(0, $b->getSalt());
        $this->assertSame(0, Token::parse($b->buildToken())->salt);
        $b->setSalt(4294967295);
        $this->assertSame(4294967295, $b->getSalt());
        $this->assertSame(4294967295, Token::parse($b->buildToken())->salt);
        $b->clearSalt();
        $this->assertNull($b->getSalt());
        $this->assertNotSame(Token::parse($b->buildToken())->salt, Token::parse($b->buildToken())->salt);
    }

    public function testTsIsNowPlusOneDayUntilSet(): void
    {
        $b = new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
        $this->assertNull($b->getTs());
        $before = time();
        $ts = Token::parse($b->buildToken())->ts;
        $this->assertGreaterThanOrEqual($before + 86400, $ts);
        $this->assertLessThanOrEqual(time() + 86400, $ts);
        $b->setTs(4294967295);
        $this->assertSame(4294967295, $b->getTs());
        $this->assertSame(4294967295, Token::parse($b->buildToken())->ts);
        $b->setTs(0);
        $this->assertSame(0, $b->getTs());
        $b->clearTs();
        $this->assertNull($b->getTs());
        $this->assertGreaterThanOrEqual($before + 86400, Token::parse($b->buildToken())->ts);
    }

    /** @return array<string, array{0: string, 1: string, 2: mixed}> */
    public static function invalidSaltAndTs(): array
    {
        $rows = [];
        foreach (['setSalt' => 'salt', 'setTs' => 'ts'] as $method => $category) {
            foreach (['-1' => -1, '2^32' => 4294967296, 'PHP_INT_MIN' => PHP_INT_MIN, 'string' => '1', 'float' => 1.0, 'bool' => false] as $name => $v) {
                $rows["$method $name"] = [$category, $method, $v];
            }
            $rows["$method null"] = ['null_argument', $method, null];
        }
        return $rows;
    }

    /** @dataProvider invalidSaltAndTs */
    public function testInvalidSaltAndTs(string $category, string $method, mixed $value): void
    {
        $b = self::classic();
        $this->assertCategory($category, static fn () => $b->{$method}($value));
        $this->assertSame(self::SALT, $b->getSalt());
        $this->assertSame(self::TS, $b->getTs());
    }

    public function testTheCertificateNeverShowsInDumps(): void
    {
        $b = self::classic();
        ob_start();
        var_dump($b);
        $dump = (string) ob_get_clean();
        $this->assertStringContainsString('***', $dump);
        $this->assertStringContainsString(self::CHANNEL, $dump);
        $this->assertNoSecret($dump);
        $this->assertNoSecret(print_r($b, true));
        $this->assertNoSecret(var_export($b, true));
        $this->assertNoSecret((string) json_encode($b));
        $this->assertNoSecret(print_r((array) $b, true));
    }

    public function testCannotBeClonedOrSerialized(): void
    {
        $b = self::classic();
        try {
            $copy = clone $b;
            $this->fail('clone succeeded: ' . get_debug_type($copy));
        } catch (\Error $e) {
            $this->assertStringContainsString('__clone', $e->getMessage());
        }
        $this->assertSame(self::CLASSIC_TOKEN, $b->buildToken());
        $this->expectException(\LogicException::class);
        serialize($b);
    }

    public function testCannotBeUnserialized(): void
    {
        $this->expectException(\LogicException::class);
        unserialize('O:' . strlen(SimpleTokenBuilder::class) . ':"' . SimpleTokenBuilder::class . '":0:{}');
    }

    public function testReleasingTwiceIsSafeAndAReleasedBuilderFails(): void
    {
        $b = self::classic();
        $b->__destruct();
        $b->__destruct();
        $this->assertCategory('null_argument', static fn () => $b->buildToken());
        $this->assertCategory('null_argument', static fn () => $b->setSalt(1));
        $this->assertCategory('null_argument', static fn () => $b->getTs());
        $this->assertSame(-18, $b->initTokenBuilder(self::CLASSIC_TOKEN));
        $this->assertSame(['appID', 'appCertificate', 'channelName', 'uid', 'salt', 'ts'], array_keys($b->__debugInfo()));
        unset($b);
        // Many short-lived builders: each destructor frees its native builder once.
        for ($i = 0; $i < 2000; $i++) {
            $t = (new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, $i))->buildToken();
        }
        $this->assertSame('ok', Token::verify($t, self::CERT, self::CHANNEL, 1999));
    }

    public function testConstructingALiveBuilderAgainIsRefused(): void
    {
        // It would drop the native builder without freeing it.
        $b = self::classic();
        try {
            $b->__construct(self::APP_ID, self::CERT, 'other', 7);
            $this->fail('__construct ran again on a live builder');
        } catch (\LogicException $e) {
            $this->assertStringNotContainsString(self::CERT, (string) $e);
        }
        $this->assertSame(self::CLASSIC_TOKEN, $b->buildToken(), 'the builder changed');
    }

    public function testAForkedChildDrawsOtherSaltsThanItsParent(): void
    {
        if (!\function_exists('pcntl_fork') || !\function_exists('posix_kill')) {
            $this->markTestSkipped('needs the pcntl and posix extensions');
        }
        $b = new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
        $salts = static function () use ($b): array {
            $out = [];
            for ($i = 0; $i < 100; $i++) {
                $out[] = Token::parse($b->buildToken())->salt;
            }
            return $out;
        };
        $salts(); // the parent's generator is seeded before the fork
        [$parentEnd, $childEnd] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
        $pid = pcntl_fork();
        $this->assertGreaterThanOrEqual(0, $pid, 'fork failed');
        if ($pid === 0) {
            fclose($parentEnd);
            fwrite($childEnd, implode(',', $salts()));
            fclose($childEnd);
            // No PHP shutdown (PHPUnit's handlers) in the child.
            posix_kill(posix_getpid(), SIGKILL);
        }
        fclose($childEnd);
        $child = array_map('intval', explode(',', (string) stream_get_contents($parentEnd)));
        fclose($parentEnd);
        pcntl_waitpid($pid, $status);
        $this->assertCount(100, $child);
        $this->assertSame([], array_values(array_intersect($salts(), $child)), 'the child replays the parent\'s salts');
    }
}
