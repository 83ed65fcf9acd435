<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

use AgoraToken\Privileges;
use AgoraToken\RtcTokenBuilder;
use AgoraToken\RtmTokenBuilder;
use AgoraToken\Token;

final class HelpersTest extends Fixtures
{
    private const PUBLISHER = [1, 2, 3, 4];

    /** @return array<string, array{0: int, 1: list<int>}> */
    public static function roles(): array
    {
        return [
            'attendee' => [RtcTokenBuilder::RoleAttendee, self::PUBLISHER],
            'publisher' => [RtcTokenBuilder::RolePublisher, self::PUBLISHER],
            'subscriber' => [RtcTokenBuilder::RoleSubscriber, [1]],
            'admin' => [RtcTokenBuilder::RoleAdmin, self::PUBLISHER],
        ];
    }

    /**
     * @dataProvider roles
     * @param list<int> $ids
     */
    public function testBuildTokenWithUid(int $role, array $ids): void
    {
        $expire = time() + 3600;
        $before = time();
        $token = RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, 'room-1', 42, $role, $expire);
        $p = Token::parse($token);
        $this->assertSame(self::APP_ID, $p->appID);
        $this->assertSame(array_fill_keys($ids, $expire), $p->privileges);
        $this->assertSame(crc32('room-1'), $p->crcChannelName);
        $this->assertSame(crc32('42'), $p->crcUid);
        $this->assertGreaterThanOrEqual($before + 86400, $p->ts);
        $this->assertLessThanOrEqual(time() + 86400, $p->ts);
        $this->assertSame('ok', Token::verify($token, self::CERT, 'room-1', 42));
        $this->assertSame('ok', Token::verify($token, self::CERT, 'room-1', '42'));
        $this->assertSame('privilege_expired', Token::verify($token, self::CERT, 'room-1', 42, $expire + 1));
        // A fresh salt per token.
        $salts = [];
        for ($i = 0; $i < 4; $i++) {
            $salts[Token::parse(RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, 'room-1', 42, $role, $expire))->salt] = 1;
        }
        $this->assertGreaterThan(1, count($salts));
    }

    /**
     * @dataProvider roles
     * @param list<int> $ids
     */
    public function testBuildTokenWithUserAccount(int $role, array $ids): void
    {
        $token = RtcTokenBuilder::buildTokenWithUserAccount(self::APP_ID, self::CERT, 'room-1', 'alice@example', $role, 0);
        $p = Token::parse($token);
        $this->assertSame(array_fill_keys($ids, 0), $p->privileges);
        $this->assertSame(crc32('alice@example'), $p->crcUid);
        $this->assertSame('ok', Token::verify($token, self::CERT, 'room-1', 'alice@example'));
        $this->assertSame('uid_mismatch', Token::verify($token, self::CERT, 'room-1', 'bob'));
    }

    public function testUidZeroIsAnyUser(): void
    {
        $token = RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, 'room-1', 0, RtcTokenBuilder::RolePublisher, 0);
        $this->assertSame(0, Token::parse($token)->crcUid);
        $this->assertSame('ok', Token::verify($token, self::CERT, 'room-1', 0));
        // Any user may use a uid-0 token, account "0" included; not the reverse.
        $this->assertSame('ok', Token::verify($token, self::CERT, 'room-1', '0'));
        $account0 = RtcTokenBuilder::buildTokenWithUserAccount(self::APP_ID, self::CERT, 'room-1', '0', RtcTokenBuilder::RolePublisher, 0);
        $this->assertSame('uid_mismatch', Token::verify($account0, self::CERT, 'room-1', 0));
    }

    public function testRtmToken(): void
    {
        $expire = 2000000000;
        $token = RtmTokenBuilder::buildToken(self::APP_ID, self::CERT, 'alice', RtmTokenBuilder::RoleRtmUser, $expire);
        $p = Token::parse($token);
        $this->assertSame([Privileges::kRtmLogin => $expire], $p->privileges);
        $this->assertSame(crc32('alice'), $p->crcChannelName);
        $this->assertSame(0, $p->crcUid);
        $this->assertSame('ok', Token::verify($token, self::CERT, 'alice', 0));
        // Every reference ignores the RTM role: the library takes any int as RTM user.
        foreach ([0, 2, 101, -1] as $role) {
            $other = RtmTokenBuilder::buildToken(self::APP_ID, self::CERT, 'alice', $role, $expire);
            $this->assertSame($p->privileges, Token::parse($other)->privileges);
            $this->assertSame('ok', Token::verify($other, self::CERT, 'alice', 0));
        }
    }

    /** @return array<string, array{0: string, 1: string, 2: array<int, mixed>}> */
    public static function invalidArguments(): array
    {
        $rows = [];
        $add = static function (string $method, array $ok, array $bad) use (&$rows): void {
            foreach ($bad as $name => [$category, $index, $value]) {
                $args = $ok;
                $args[$index] = $value;
                $rows["$method: $name"] = [$category, $method, $args];
            }
        };
        $common = [
            'app id' => ['app_id', 0, 'nothex'],
            'app id null' => ['null_argument', 0, null],
            'app id int' => ['app_id', 0, 1],
            'certificate' => ['app_certificate', 1, 'short'],
            'certificate NUL' => ['app_certificate', 1, self::CERT . "\0"],
            'certificate null' => ['null_argument', 1, null],
        ];
        $rtcTail = [
            'channel' => ['channel_name', 2, 'a/b'],
            'channel empty' => ['channel_name', 2, ''],
            'channel null' => ['null_argument', 2, null],
            'role 3' => ['role', 4, 3],
            'role -1' => ['role', 4, -1],
            'role 2^32+1' => ['role', 4, 4294967297],
            'role string' => ['role', 4, '1'],
            'role null' => ['null_argument', 4, null],
            'expiry -1' => ['expire_ts', 5, -1],
            'expiry 2^32' => ['expire_ts', 5, 4294967296],
            'expiry float' => ['expire_ts', 5, 1.5],
            'expiry null' => ['null_argument', 5, null],
        ];
        $add('buildTokenWithUid', [self::APP_ID, self::CERT, 'room', 1, 1, 0], $common + $rtcTail + [
            'uid -1' => ['uid', 3, -1],
            'uid 2^32' => ['uid', 3, 4294967296],
            'uid string' => ['uid', 3, '1'],
            'uid null' => ['null_argument', 3, null],
        ]);
        $add('buildTokenWithUserAccount', [self::APP_ID, self::CERT, 'room', 'bob', 1, 0], $common + $rtcTail + [
            'account empty' => ['user_account', 3, ''],
            'account too long' => ['user_account', 3, str_repeat('a', 256)],
            'account int' => ['user_account', 3, 1],
            'account null' => ['null_argument', 3, null],
        ]);
        $add('rtm', [self::APP_ID, self::CERT, 'bob', 1, 0], $common + [
            'account empty' => ['user_account', 2, ''],
            'account slash' => ['user_account', 2, 'a/b'],
            'account NUL' => ['user_account', 2, "a\0"],
            'account null' => ['null_argument', 2, null],
            'role null' => ['null_argument', 3, null],
            'expiry -1' => ['expire_ts', 4, -1],
            'expiry null' => ['null_argument', 4, null],
        ]);
        return $rows;
    }

    /**
     * @dataProvider invalidArguments
     * @param array<int, mixed> $args
     */
    public function testInvalidArguments(string $category, string $method, array $args): void
    {
        $call = $method === 'rtm'
            ? static fn () => RtmTokenBuilder::buildToken(...$args)
            : static fn () => RtcTokenBuilder::{$method}(...$args);
        $this->assertCategory($category, $call);
    }

    public function testLimitsAreAccepted(): void
    {
        $t = RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, str_repeat('c', 64), 4294967295, RtcTokenBuilder::RoleAdmin, 4294967295);
        $this->assertSame('ok', Token::verify($t, self::CERT, str_repeat('c', 64), 4294967295));
        $this->assertSame([1 => 4294967295, 2 => 4294967295, 3 => 4294967295, 4 => 4294967295], Token::parse($t)->privileges);
        $t = RtmTokenBuilder::buildToken(self::APP_ID, self::CERT, str_repeat('u', 255), RtmTokenBuilder::RoleRtmUser, 0);
        $this->assertSame([1000 => 0], Token::parse($t)->privileges);
    }
}
