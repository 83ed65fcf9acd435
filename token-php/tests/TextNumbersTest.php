<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

use AgoraToken\AccessToken2;
use AgoraToken\ApaasTokenBuilder;
use AgoraToken\ChatTokenBuilder2;
use AgoraToken\ConvoAITokenBuilder;
use AgoraToken\EducationTokenBuilder;
use AgoraToken\Internal\Token2;
use AgoraToken\RtcTokenBuilder;
use AgoraToken\RtcTokenBuilder2;
use AgoraToken\RtmTokenBuilder2;
use AgoraToken\ServiceApaas;
use AgoraToken\ServiceRtc;
use AgoraToken\SttTokenBuilder;
use AgoraToken\Tests\Coercive;

require_once __DIR__ . '/coercive/calls.php';

/**
 * Numbers given as text to the typed (namespaced) classes are read by the
 * library's rule (canonical decimal only) whether or not the calling file
 * declares strict_types: never PHP's own reading ('007' as 7, ' 1' as 1,
 * '1e3' as 1000), which for a uid would sign a token for another user.
 */
final class TextNumbersTest extends Fixtures
{
    private const PUB = RtcTokenBuilder2::ROLE_PUBLISHER;

    protected function setUp(): void
    {
        Token2::pin(1111111, 1);
    }

    protected function tearDown(): void
    {
        Token2::pin(null);
    }

    /** @return array<string, array{0: bool}> */
    public static function modes(): array
    {
        return ['strict_types=1' => [true], 'coercive (no strict_types)' => [false]];
    }

    /** Calls $f with $args from this strict file, or from a file without strict_types. */
    private static function call(bool $strict, callable $f, #[\SensitiveParameter] mixed ...$args): mixed
    {
        return $strict ? $f(...$args) : Coercive\call($f, ...$args);
    }

    public function testTheCoerciveHelperReallyCoerces(): void
    {
        // Without this, the coercive runs below would prove nothing.
        $this->assertSame(7, Coercive\call('AgoraToken\Tests\Coercive\asInt', '007'));
        $this->assertSame(1000, Coercive\call('AgoraToken\Tests\Coercive\asInt', '1e3'));
        $this->assertSame(1, Coercive\call('AgoraToken\Tests\Coercive\asInt', ' 1'));
    }

    /** @dataProvider modes */
    public function testUidTextIsReadByTheLibrarysRule(bool $strict): void
    {
        $byUid = [RtcTokenBuilder2::class, 'buildTokenWithUid'];
        $byUidAndPrivilege = [RtcTokenBuilder2::class, 'buildTokenWithUidAndPrivilege'];
        $expected = RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, 'room', 42, self::PUB, 600);
        $this->assertSame($expected, self::call($strict, $byUid, self::APP_ID, self::CERT, 'room', 42, self::PUB, 600));
        $this->assertSame($expected, self::call($strict, $byUid, self::APP_ID, self::CERT, 'room', '42', self::PUB, 600));
        $this->assertSame('ok', AccessToken2::verify($expected, self::CERT, 'room', 42, 1111111));
        $this->assertSame(
            RtcTokenBuilder2::buildTokenWithUidAndPrivilege(self::APP_ID, self::CERT, 'room', 42, 600, 60, 60, 60, 60),
            self::call($strict, $byUidAndPrivilege, self::APP_ID, self::CERT, 'room', '42', 600, 60, 60, 60, 60)
        );
        // '0' is uid 0 (any user), as 0 is.
        $this->assertSame(
            RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, 'room', 0, self::PUB, 600),
            self::call($strict, $byUid, self::APP_ID, self::CERT, 'room', '0', self::PUB, 600)
        );
        foreach (['007', ' 1', '1 ', '1e3', '+1', '1.0', '-1', '', '4294967296', 'alice'] as $text) {
            $e = $this->assertCategory('uid', fn () => self::call($strict, $byUid, self::APP_ID, self::CERT, 'room', $text, self::PUB, 600));
            $this->assertStringContainsString('uid', $e->getMessage());
            $this->assertStringContainsString('account', $e->getMessage(), 'points to the account builder');
            $this->assertCategory('uid', fn () => self::call($strict, $byUidAndPrivilege, self::APP_ID, self::CERT, 'room', $text, 600, 60, 60, 60, 60));
        }
    }

    /** @dataProvider modes */
    public function testLifetimeAndRoleTextIsReadByTheLibrarysRule(bool $strict): void
    {
        $byUid = [RtcTokenBuilder2::class, 'buildTokenWithUid'];
        $expected = RtcTokenBuilder2::buildTokenWithUid(self::APP_ID, self::CERT, 'room', 1, self::PUB, 1000, 60);
        $this->assertSame($expected, self::call($strict, $byUid, self::APP_ID, self::CERT, 'room', 1, '1', '1000', '60'));
        $this->assertSame($expected, self::call($strict, $byUid, self::APP_ID, self::CERT, 'room', '1', self::PUB, 1000, 60));
        foreach (['1e3', ' 60', '60 ', '007', '1.5', '-1', 'soon', '4294967296'] as $text) {
            $this->assertCategory('expire', fn () => self::call($strict, $byUid, self::APP_ID, self::CERT, 'room', 1, self::PUB, $text));
            $this->assertCategory('expire_ts', fn () => self::call($strict, $byUid, self::APP_ID, self::CERT, 'room', 1, self::PUB, 600, $text));
            $this->assertCategory('role', fn () => self::call($strict, $byUid, self::APP_ID, self::CERT, 'room', 1, $text, 600));
        }
        $this->assertCategory('role', fn () => self::call($strict, $byUid, self::APP_ID, self::CERT, 'room', 1, '01', 600));

        // Every other namespaced 007 builder: '60' is 60, '1e3' an error of the field's category.
        $calls = [
            'expire' => [
                [[RtcTokenBuilder2::class, 'buildTokenWithUserAccount'], [self::APP_ID, self::CERT, 'room', 'alice', self::PUB, '#']],
                [[RtcTokenBuilder2::class, 'buildTokenWithUserAccountAndPrivilege'], [self::APP_ID, self::CERT, 'room', 'alice', '#', 60, 60, 60, 60]],
                [[RtcTokenBuilder2::class, 'buildTokenWithRtm'], [self::APP_ID, self::CERT, 'room', 'alice', self::PUB, '#']],
                [[RtcTokenBuilder2::class, 'buildTokenWithRtm2'], [self::APP_ID, self::CERT, 'room', 'alice', self::PUB, '#', 60, 60, 60, 60, 'bob', 60]],
                [[RtmTokenBuilder2::class, 'buildToken'], [self::APP_ID, self::CERT, 'alice', '#']],
                [[RtmTokenBuilder2::class, 'buildTokenWithPermissions'], [self::APP_ID, self::CERT, 'alice', null, '#']],
                [[ChatTokenBuilder2::class, 'buildUserToken'], [self::APP_ID, self::CERT, 'alice', '#']],
                [[ChatTokenBuilder2::class, 'buildAppToken'], [self::APP_ID, self::CERT, '#']],
                [[ApaasTokenBuilder::class, 'buildRoomUserToken'], [self::APP_ID, self::CERT, 'r', 'u', 1, '#']],
                [[ApaasTokenBuilder::class, 'buildUserToken'], [self::APP_ID, self::CERT, 'u', '#']],
                [[ApaasTokenBuilder::class, 'buildAppToken'], [self::APP_ID, self::CERT, '#']],
                [[EducationTokenBuilder::class, 'buildRoomUserToken'], [self::APP_ID, self::CERT, 'r', 'u', 1, '#']],
                [[EducationTokenBuilder::class, 'buildUserToken'], [self::APP_ID, self::CERT, 'u', '#']],
                [[EducationTokenBuilder::class, 'buildAppToken'], [self::APP_ID, self::CERT, '#']],
                [[ConvoAITokenBuilder::class, 'buildToken'], [self::APP_ID, self::CERT, 'room', 'alice', self::PUB, '#', 60, 60, 60, 60, 'bob', 60]],
                [[SttTokenBuilder::class, 'buildToken'], [self::APP_ID, self::CERT, 'room', 'alice', self::PUB, '#', 60, 60, 60, 60, 'bob', 60]],
            ],
            'expire_ts' => [
                [[RtcTokenBuilder2::class, 'buildTokenWithUserAccount'], [self::APP_ID, self::CERT, 'room', 'alice', self::PUB, 60, '#']],
                [[RtcTokenBuilder2::class, 'buildTokenWithRtm2'], [self::APP_ID, self::CERT, 'room', 'alice', self::PUB, 60, '#', 60, 60, 60, 'bob', 60]],
                // The RTM lifetime of these is a privilege lifetime in the library's table.
                [[RtcTokenBuilder2::class, 'buildTokenWithRtm2'], [self::APP_ID, self::CERT, 'room', 'alice', self::PUB, 60, 60, 60, 60, 60, 'bob', '#']],
                [[ConvoAITokenBuilder::class, 'buildToken'], [self::APP_ID, self::CERT, 'room', 'alice', self::PUB, 60, 60, 60, 60, 60, 'bob', '#']],
                [[SttTokenBuilder::class, 'buildToken'], [self::APP_ID, self::CERT, 'room', 'alice', self::PUB, 60, 60, 60, 60, '#', 'bob', 60]],
            ],
            'role' => [
                [[RtcTokenBuilder2::class, 'buildTokenWithRtm'], [self::APP_ID, self::CERT, 'room', 'alice', '#', 60]],
                [[ApaasTokenBuilder::class, 'buildRoomUserToken'], [self::APP_ID, self::CERT, 'r', 'u', '#', 60]],
                [[EducationTokenBuilder::class, 'buildRoomUserToken'], [self::APP_ID, self::CERT, 'r', 'u', '#', 60]],
                [[SttTokenBuilder::class, 'buildToken'], [self::APP_ID, self::CERT, 'room', 'alice', '#', 60, 60, 60, 60, 60, 'bob', 60]],
            ],
        ];
        foreach ($calls as $category => $list) {
            foreach ($list as [$f, $args]) {
                $with = static fn (int|string $v): array => array_map(static fn ($a) => $a === '#' ? $v : $a, $args);
                $this->assertSame($f(...$with($category === 'role' ? 1 : 60)), self::call($strict, $f, ...$with($category === 'role' ? '1' : '60')), json_encode($f));
                foreach (['1e3', ' 60', '007'] as $text) {
                    $this->assertCategory($category, fn () => self::call($strict, $f, ...$with($text)));
                }
            }
        }
    }

    /** @dataProvider modes */
    public function testAccessToken2NumbersAsText(bool $strict): void
    {
        $make = static function (bool $strict, int|string $expire, int|string $issueTs, int|string $salt, int|string $role): AccessToken2 {
            $t = $strict ? new AccessToken2(self::APP_ID, self::CERT, $expire) : Coercive\make(AccessToken2::class, self::APP_ID, self::CERT, $expire);
            \assert($t instanceof AccessToken2);
            if ($strict) {
                $t->issueTs = $issueTs;
                $t->salt = $salt;
            } else {
                Coercive\set($t, 'issueTs', $issueTs);
                Coercive\set($t, 'salt', $salt);
            }
            $apaas = $strict ? new ServiceApaas('r', 'u', $role) : Coercive\make(ServiceApaas::class, 'r', 'u', $role);
            \assert($apaas instanceof ServiceApaas);
            $apaas->addPrivilege(ServiceApaas::PRIVILEGE_ROOM_USER, 60);
            $t->addService($apaas);
            $t->addService(new ServiceRtc('room', 42));
            return $t;
        };
        $expected = $make(true, 600, 1111111, 7, 1)->build();
        $this->assertSame($expected, $make($strict, '600', '1111111', '7', '1')->build());
        $this->assertCategory('expire', fn () => $make($strict, '1e3', 1111111, 7, 1)->build());
        $this->assertCategory('expire', fn () => $make($strict, ' 600', 1111111, 7, 1)->build());
        $this->assertCategory('issue_ts', fn () => $make($strict, 600, '1111111.0', 7, 1)->build());
        $this->assertCategory('salt', fn () => $make($strict, 600, 1111111, '007', 1)->build());
        $this->assertCategory('role', fn () => $make($strict, 600, 1111111, 7, '01')->build());

        $verify = [AccessToken2::class, 'verify'];
        $this->assertSame('ok', self::call($strict, $verify, $expected, self::CERT, 'room', 42, '1111111'));
        $this->assertCategory('now', fn () => self::call($strict, $verify, $expected, self::CERT, 'room', 42, '1.1e6'));
        // A ServiceRtc user given as text stays a user account, whatever the mode: "007" is not uid 7.
        $rtc = $strict ? new ServiceRtc('room', '007') : Coercive\make(ServiceRtc::class, 'room', '007');
        $this->assertSame('007', $rtc->uid);
    }

    /** @dataProvider modes */
    public function testThe006RtcTokenBuilderTakesIntsOnly(bool $strict): void
    {
        // Untyped parameters, checked by the package: no PHP coercion, and text is the field's error.
        $f = [RtcTokenBuilder::class, 'buildTokenWithUid'];
        foreach (['007', ' 1', '1e3', '42'] as $text) {
            $this->assertCategory('uid', fn () => self::call($strict, $f, self::APP_ID, self::CERT, 'room', $text, RtcTokenBuilder::RolePublisher, 0));
            $this->assertCategory('expire_ts', fn () => self::call($strict, $f, self::APP_ID, self::CERT, 'room', 42, RtcTokenBuilder::RolePublisher, $text));
        }
        $this->assertStringStartsWith('006', self::call($strict, $f, self::APP_ID, self::CERT, 'room', 42, RtcTokenBuilder::RolePublisher, 0));
    }
}
