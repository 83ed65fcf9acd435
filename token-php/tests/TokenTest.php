<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

use AgoraToken\ParsedToken;
use AgoraToken\Privileges;
use AgoraToken\SimpleTokenBuilder;
use AgoraToken\Token;

final class TokenTest extends Fixtures
{
    public function testParseReadsEveryField(): void
    {
        $p = Token::parse(self::CLASSIC_TOKEN);
        $this->assertInstanceOf(ParsedToken::class, $p);
        $this->assertSame(self::APP_ID, $p->appID);
        $this->assertSame(32, strlen($p->signature));
        $this->assertSame(bin2hex($p->signature), $p->signatureHex());
        $this->assertSame(crc32(self::CHANNEL), $p->crcChannelName);
        $this->assertSame(crc32((string) self::UID), $p->crcUid);
        $this->assertSame(self::SALT, $p->salt);
        $this->assertSame(self::TS, $p->ts);
        $this->assertSame([Privileges::kJoinChannel => self::JOIN_EXPIRE], $p->privileges);
        $this->assertSame(self::JOIN_EXPIRE, $p->privilege(Privileges::kJoinChannel));
        $this->assertNull($p->privilege(Privileges::kPublishAudioStream));
        // The signature is HMAC-SHA256 over app id, channel, uid and the message.
        $content = (string) base64_decode(substr(self::CLASSIC_TOKEN, 35), true);
        $message = substr($content, 2 + 32 + 4 + 4 + 2);
        $this->assertSame(hash_hmac('sha256', self::APP_ID . self::CHANNEL . self::UID . $message, self::CERT, true), $p->signature);
    }

    public function testPrintRShowsTheSignatureAsHex(): void
    {
        $p = Token::parse(self::CLASSIC_TOKEN);
        $out = print_r($p, true);
        $this->assertStringContainsString('[signatureHex] => ' . $p->signatureHex(), $out);
        $this->assertStringNotContainsString($p->signature, $out);
        $this->assertStringContainsString('[appID] => ' . self::APP_ID, $out);
        ob_start();
        var_dump($p);
        $this->assertStringContainsString($p->signatureHex(), (string) ob_get_clean());
    }

    public function testParseSortsPrivilegesById(): void
    {
        $b = new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, 'x');
        foreach ([1000 => 5, 3 => 6, 101 => 7, 1 => 8] as $id => $expire) {
            $b->setPrivilege($id, $expire);
        }
        $this->assertSame([1 => 8, 3 => 6, 101 => 7, 1000 => 5], Token::parse($b->buildToken())->privileges);
    }

    /** @return array<string, array{0: string, 1: mixed}> */
    public static function malformed(): array
    {
        $t = self::CLASSIC_TOKEN;
        return [
            'empty' => ['version', ''],
            '005' => ['version', '005' . substr($t, 3)],
            'NUL in version' => ['version', "00\0" . substr($t, 3)],
            'app id not hex' => ['app_id', '006' . str_repeat('x', 32) . substr($t, 35)],
            'app id short' => ['app_id', '0069'],
            'NUL in app id' => ['app_id', substr($t, 0, 10) . "\0" . substr($t, 11)],
            'only app id' => ['truncated', substr($t, 0, 35)],
            'bad padding' => ['base64', substr($t, 0, -1)],
            'whitespace' => ['base64', $t . ' '],
            'url-safe alphabet' => ['base64', strtr($t, '+/', '-_')],
            'NUL in content' => ['base64', $t . "\0"],
            'truncated' => ['truncated', self::editContent($t, static fn (string $c): string => substr($c, 0, 20))],
            'privilege count too big' => ['truncated', self::editContent($t, static fn (string $c): string =>
                substr($c, 0, 2 + 32 + 4 + 4 + 2 + 8) . pack('v', 2) . substr($c, 2 + 32 + 4 + 4 + 2 + 8 + 2))],
            'trailing' => ['trailing', self::editContent($t, static fn (string $c): string => $c . 'xyz')],
            'null' => ['null_argument', null],
            'int' => ['version', 6],
        ];
    }

    /** @dataProvider malformed */
    public function testParseRejects(string $category, mixed $token): void
    {
        $this->assertCategory($category, static fn () => Token::parse($token));
    }

    /** @dataProvider malformed */
    public function testVerifyRejectsMalformedTokens(string $category, mixed $token): void
    {
        $this->assertCategory($category, static fn () => Token::verify($token, self::CERT, self::CHANNEL, self::UID, 0));
    }

    public function testVerifyResults(): void
    {
        $t = self::CLASSIC_TOKEN;
        $v = static fn (...$a) => Token::verify(...$a);
        $this->assertSame('ok', $v($t, self::CERT, self::CHANNEL, self::UID, 1000));
        $this->assertSame('ok', $v($t, self::CERT, self::CHANNEL, (string) self::UID, self::TS));
        $this->assertSame('ok', $v($t, self::CERT, self::CHANNEL, self::UID, 1000, self::APP_ID));
        $this->assertSame('app_id_mismatch', $v($t, self::CERT, self::CHANNEL, self::UID, 1000, self::OTHER_APP_ID));
        $this->assertSame('app_id_mismatch', $v($t, self::CERT, 'other', self::UID, 1000, strtolower(self::APP_ID)));
        $this->assertSame('channel_mismatch', $v($t, self::CERT, 'other', self::UID, 1000));
        $this->assertSame('uid_mismatch', $v($t, self::CERT, self::CHANNEL, self::UID + 1, 1000));
        $this->assertSame('signature_mismatch', $v($t, self::OTHER_CERT, self::CHANNEL, self::UID, 1000));
        $this->assertSame('signature_mismatch', $v($t, strtolower(self::CERT), self::CHANNEL, self::UID, 1000));
        $this->assertSame('expired', $v($t, self::CERT, self::CHANNEL, self::UID, self::TS + 1));
        // The token expires (ts 1111111) before its join privilege, so make one that does not.
        $b = new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, self::UID);
        $b->setTs(3000000000);
        $b->setPrivilege(Privileges::kJoinChannel, 2000000000);
        $this->assertSame('ok', $v($b->buildToken(), self::CERT, self::CHANNEL, self::UID, 2000000000));
        $this->assertSame('privilege_expired', $v($b->buildToken(), self::CERT, self::CHANNEL, self::UID, 2000000001));
        $b->setPrivilege(Privileges::kJoinChannel, 0);
        $this->assertSame('ok', $v($b->buildToken(), self::CERT, self::CHANNEL, self::UID, 2999999999));
        $b->removePrivilege(Privileges::kJoinChannel);
        $b->setPrivilege(Privileges::kPublishAudioStream, 1);
        $this->assertSame('ok', $v($b->buildToken(), self::CERT, self::CHANNEL, self::UID, 2999999999));
    }

    public function testVerifyDefaultsToNow(): void
    {
        $b = new SimpleTokenBuilder(self::APP_ID, self::CERT, self::CHANNEL, 'carol');
        $this->assertSame('ok', Token::verify($b->buildToken(), self::CERT, self::CHANNEL, 'carol'));
        $b->setTs(time() - 5);
        $this->assertSame('expired', Token::verify($b->buildToken(), self::CERT, self::CHANNEL, 'carol'));
    }

    /** @return array<string, array{0: string, 1: array<int, mixed>}> */
    public static function invalidVerifyArguments(): array
    {
        $ok = [self::CLASSIC_TOKEN, self::CERT, self::CHANNEL, self::UID, 1000, null];
        $with = static function (int $i, mixed $v) use ($ok): array {
            $ok[$i] = $v;
            return $ok;
        };
        return [
            'certificate short' => ['app_certificate', $with(1, 'abc')],
            'certificate not hex' => ['app_certificate', $with(1, substr(self::CERT, 0, 31) . 'g')],
            'certificate null' => ['null_argument', $with(1, null)],
            'certificate NUL' => ['app_certificate', $with(1, self::CERT . "\0")],
            'channel int' => ['channel_name', $with(2, 5)],
            'channel NUL' => ['channel_name', $with(2, "a\0b")],
            'channel null' => ['null_argument', $with(2, null)],
            'uid -1' => ['uid', $with(3, -1)],
            'uid float' => ['uid', $with(3, 1.0)],
            'uid null' => ['null_argument', $with(3, null)],
            'account NUL' => ['user_account', $with(3, "a\0")],
            'now -1' => ['now', $with(4, -1)],
            'now 2^32' => ['now', $with(4, 4294967296)],
            'now string' => ['now', $with(4, '5')],
            'app id int' => ['app_id', $with(5, 5)],
        ];
    }

    /**
     * @dataProvider invalidVerifyArguments
     * @param array<int, mixed> $args
     */
    public function testVerifyRejectsInvalidArguments(string $category, array $args): void
    {
        $this->assertCategory($category, static fn () => Token::verify(...$args));
    }

    /** Issue 12: `now` in milliseconds and a negative uid get the library's hints. */
    public function testNowInMillisecondsAndSignedUidsAreExplained(): void
    {
        $token = \AgoraToken\RtcTokenBuilder::buildTokenWithUid(self::APP_ID, self::CERT, 'room-1', 42, \AgoraToken\RtcTokenBuilder::RolePublisher, 0);
        try {
            Token::verify($token, self::CERT, 'room-1', 42, (int) (microtime(true) * 1000));
            $this->fail('now in milliseconds was accepted');
        } catch (\AgoraToken\AgoraTokenException $e) {
            $this->assertSame('now', $e->getCategory());
            $this->assertStringStartsWith('now:', $e->getMessage());
            $this->assertStringContainsString('milliseconds', $e->getMessage());
        }
        try {
            Token::verify($token, self::CERT, 'room-1', -5);
            $this->fail('a negative uid was accepted');
        } catch (\AgoraToken\AgoraTokenException $e) {
            $this->assertSame('uid', $e->getCategory());
            $this->assertStringContainsString('4294967291', $e->getMessage());
        }
    }
}
