<?php

// The PHP conformance runner: every case of every *.jsonl file in
// $AGORA_TOKEN_VECTORS (else <repo root>/tests/vectors), through the
// AgoraToken package. Prints failures, then, last,
// "conformance[php]: N passed, M failed"; exits 1 when M > 0 or N = 0.

declare(strict_types=1);

require dirname(__DIR__) . '/autoload.php';

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
use AgoraToken\SimpleTokenBuilder;
use AgoraToken\SttTokenBuilder;
use AgoraToken\Token;

final class CaseFailed extends Exception
{
}

function expect(bool $ok, string $what): void
{
    if (!$ok) {
        throw new CaseFailed($what);
    }
}

/** @param array<string, mixed> $c */
function user(array $c): int|string
{
    $hasUid = array_key_exists('uid', $c);
    $hasAccount = array_key_exists('user_account', $c);
    expect($hasUid !== $hasAccount, 'exactly one of uid and user_account');
    return $hasUid ? $c['uid'] : $c['user_account'];
}

/** @param array<string, mixed> $c */
function build(array $c): string
{
    $builder = new SimpleTokenBuilder($c['app_id'], $c['app_certificate'], $c['channel_name'], user($c));
    $builder->setSalt($c['salt']);
    $builder->setTs($c['ts']);
    foreach ($c['privileges'] as [$id, $expire]) {
        $builder->setPrivilege($id, $expire);
    }
    return $builder->buildToken();
}

/** @param array<string, mixed> $c */
function runBuild(array $c): void
{
    $token = build($c);
    expect($token === $c['token'], "token\n    got      $token\n    expected {$c['token']}");
}

/** @param array<string, mixed> $c */
function runParse(array $c): void
{
    $p = Token::parse($c['token']);
    $e = $c['expected'];
    $privileges = [];
    foreach ($p->privileges as $id => $expire) {
        $privileges[] = [$id, $expire];
    }
    $got = [
        'app_id' => $p->appID,
        'signature_hex' => $p->signatureHex(),
        'crc_channel_name' => $p->crcChannelName,
        'crc_uid' => $p->crcUid,
        'salt' => $p->salt,
        'ts' => $p->ts,
        'privileges' => $privileges,
    ];
    foreach ($e as $field => $want) {
        expect(array_key_exists($field, $got), "unknown expected field $field");
        expect($got[$field] === $want, sprintf('%s: got %s, expected %s', $field, json_encode($got[$field]), json_encode($want)));
    }
    expect(count($e) === count($got), 'expected has ' . count($e) . ' fields, ' . count($got) . ' checked');
    if (isset($c['verify'])) {
        $v = $c['verify'];
        $result = Token::verify($c['token'], $v['app_certificate'], $v['channel_name'], user($v), $v['now']);
        expect($result === $v['result'], "verify: got $result, expected {$v['result']}");
    }
}

/** @param array<string, mixed> $c */
function expectCategory(callable $f, string $want): void
{
    try {
        $f();
    } catch (AgoraTokenException $e) {
        expect($e->getCategory() === $want, "error: got {$e->getCategory()} ({$e->getMessage()}), expected $want");
        return;
    }
    throw new CaseFailed("accepted, expected error $want");
}

/** @param array<string, mixed> $c */
function runReject(array $c): void
{
    expectCategory(static fn () => Token::parse($c['token']), $c['error']);
}

/** @param array<string, mixed> $c */
function runInvalid(array $c): void
{
    expectCategory(static fn () => build($c), $c['error']);
}

// --- AccessToken2 (007) ---------------------------------------------------
// builder007 goes through the public, reference-named builders (issue_ts and
// salt pinned with Token2's test hook); build007 and invalid007 through the
// data form AccessToken2::build() uses, as [id, expire] pairs and
// [resource, permission, resources] grants (AccessToken2's maps could not
// even hold the repeated ids invalid007 tries); parse007 and reject007
// through AccessToken2::parse(), verify through AccessToken2::verify().

/** @param array<string, mixed> $c */
function build007(array $c): string
{
    $services = [];
    foreach ($c['services'] as $s) {
        $d = ['type' => $s['type'], 'privileges' => $s['privileges']];
        foreach (['channel_name', 'uid', 'user_account', 'user_id', 'room_uuid', 'user_uuid', 'role', 'permissions'] as $k) {
            if (array_key_exists($k, $s)) {
                $d[$k] = $s[$k];
            }
        }
        $services[] = $d;
    }
    return Token2::buildData($c['app_id'], $c['app_certificate'], $c['issue_ts'], $c['expire'], $c['salt'], $services);
}

/** @param array<string, mixed> $c */
function compare007(array $c, string $token): void
{
    $content = bin2hex(Token2::parse($token)['content']);
    expect($content === $c['content_hex'], "content\n    got      $content\n    expected {$c['content_hex']}");
    expect($token === $c['token'], "token\n    got      $token\n    expected {$c['token']}");
}

/**
 * Every builder007 name, through its public PHP method.
 *
 * @return array<string, callable(string, string, ArrayAccess<string, mixed>): string>
 */
function namedBuilders(): array
{
    $rtm2 = static fn (callable $f): callable => static fn (string $id, string $cert, ArrayAccess $a): string => $f(
        $id, $cert, $a['channel_name'], $a['rtc_account'], $a['rtc_role'], $a['rtc_token_expire'],
        $a['join_channel_privilege_expire'], $a['pub_audio_privilege_expire'], $a['pub_video_privilege_expire'],
        $a['pub_data_stream_privilege_expire'], $a['rtm_user_id'], $a['rtm_token_expire']
    );
    $four = static fn (ArrayAccess $a): array => [$a['join_channel_privilege_expire'], $a['pub_audio_privilege_expire'],
        $a['pub_video_privilege_expire'], $a['pub_data_stream_privilege_expire']];
    return [
        'rtc.build_token_with_uid' => static fn ($id, $cert, $a) => RtcTokenBuilder2::buildTokenWithUid(
            $id, $cert, $a['channel_name'], $a['uid'], $a['role'], $a['token_expire'], $a['privilege_expire'] ?? 0),
        'rtc.build_token_with_user_account' => static fn ($id, $cert, $a) => RtcTokenBuilder2::buildTokenWithUserAccount(
            $id, $cert, $a['channel_name'], $a['account'], $a['role'], $a['token_expire'], $a['privilege_expire'] ?? 0),
        'rtc.build_token_with_uid_and_privilege' => static fn ($id, $cert, $a) => RtcTokenBuilder2::buildTokenWithUidAndPrivilege(
            $id, $cert, $a['channel_name'], $a['uid'], $a['token_expire'], ...$four($a)),
        'rtc.build_token_with_user_account_and_privilege' => static fn ($id, $cert, $a) => RtcTokenBuilder2::buildTokenWithUserAccountAndPrivilege(
            $id, $cert, $a['channel_name'], $a['account'], $a['token_expire'], ...$four($a)),
        'rtc.build_token_with_rtm' => static fn ($id, $cert, $a) => RtcTokenBuilder2::buildTokenWithRtm(
            $id, $cert, $a['channel_name'], $a['account'], $a['role'], $a['token_expire'], $a['privilege_expire'] ?? 0),
        'rtc.build_token_with_rtm2' => $rtm2([RtcTokenBuilder2::class, 'buildTokenWithRtm2']),
        'rtm.build_token' => static fn ($id, $cert, $a) => RtmTokenBuilder2::buildToken($id, $cert, $a['user_id'], $a['expire']),
        'rtm.build_token_with_permissions' => static fn ($id, $cert, $a) => RtmTokenBuilder2::buildTokenWithPermissions(
            $id, $cert, $a['user_id'], Rtm2Permissions::fromGrants($a['permissions']), $a['expire'] ?? 0),
        'chat.build_user_token' => static fn ($id, $cert, $a) => ChatTokenBuilder2::buildUserToken($id, $cert, $a['user_id'], $a['expire']),
        'chat.build_app_token' => static fn ($id, $cert, $a) => ChatTokenBuilder2::buildAppToken($id, $cert, $a['expire']),
        'fpa.build_token' => static fn ($id, $cert, $a) => FpaTokenBuilder::buildToken($id, $cert),
        'apaas.build_room_user_token' => static fn ($id, $cert, $a) => ApaasTokenBuilder::buildRoomUserToken(
            $id, $cert, $a['room_uuid'], $a['user_uuid'], $a['role'], $a['expire']),
        'apaas.build_user_token' => static fn ($id, $cert, $a) => ApaasTokenBuilder::buildUserToken($id, $cert, $a['user_uuid'], $a['expire']),
        'apaas.build_app_token' => static fn ($id, $cert, $a) => ApaasTokenBuilder::buildAppToken($id, $cert, $a['expire']),
        'education.build_room_user_token' => static fn ($id, $cert, $a) => EducationTokenBuilder::buildRoomUserToken(
            $id, $cert, $a['room_uuid'], $a['user_uuid'], $a['role'], $a['expire']),
        'education.build_user_token' => static fn ($id, $cert, $a) => EducationTokenBuilder::buildUserToken($id, $cert, $a['user_uuid'], $a['expire']),
        'education.build_app_token' => static fn ($id, $cert, $a) => EducationTokenBuilder::buildAppToken($id, $cert, $a['expire']),
        'convoai.build_token' => $rtm2([ConvoAITokenBuilder::class, 'buildToken']),
        'stt.build_token' => $rtm2([SttTokenBuilder::class, 'buildToken']),
    ];
}

/** @param array<string, mixed> $c */
function runBuilder007(array $c): void
{
    $builders = namedBuilders();
    expect(isset($builders[$c['builder']]), "no PHP builder for {$c['builder']}");
    $read = [];
    $tracked = new class ($c['args'], $read) implements ArrayAccess {
        /** @param array<string, mixed> $args @param array<string, true> $read */
        public function __construct(private array $args, public array &$read)
        {
        }
        public function offsetExists(mixed $k): bool
        {
            return isset($this->args[$k]);
        }
        public function offsetGet(mixed $k): mixed
        {
            if (!array_key_exists($k, $this->args)) {
                throw new CaseFailed("args lack $k");
            }
            $this->read[$k] = true;
            return $this->args[$k];
        }
        public function offsetSet(mixed $k, mixed $v): void
        {
        }
        public function offsetUnset(mixed $k): void
        {
        }
    };
    Token2::pin($c['issue_ts'], $c['salt']);
    try {
        $token = $builders[$c['builder']]($c['app_id'], $c['app_certificate'], $tracked);
    } finally {
        Token2::pin(null);
    }
    expect(count($read) === count($c['args']), "args hold keys {$c['builder']} does not take");
    compare007($c, $token);
}

/** @param array<string, mixed> $c */
function runParse007(array $c): void
{
    $t = new AccessToken2();
    $t->parse($c['token']);
    $p = Token2::parse($c['token']);
    $services = [];
    foreach ($p['services'] as $s) {
        $o = ['type' => $s['type'], 'privileges' => $s['privileges']];
        if (isset($s['channel_name'])) {
            $o['channel_name'] = $s['channel_name'];
            $o['account'] = $s['user_account'];
        }
        foreach (['user_id', 'room_uuid', 'user_uuid', 'role', 'permissions'] as $k) {
            if (array_key_exists($k, $s)) {
                $o[$k] = $s[$k];
            }
        }
        $services[] = $o;
    }
    $got = [
        'app_id' => $t->appId, 'issue_ts' => $t->issueTs, 'expire' => $t->expire, 'salt' => $t->salt,
        'signature_hex' => bin2hex($p['signature']), 'services' => $services, 'content_hex' => bin2hex($p['content']),
    ];
    foreach ($c['expected'] as $field => $want) {
        expect(array_key_exists($field, $got), "unknown expected field $field");
        expect($got[$field] === $want, sprintf('%s: got %s, expected %s', $field, json_encode($got[$field]), json_encode($want)));
    }
    expect(count($t->services) === count($services), 'AccessToken2 lost a service');
    if (isset($c['verify'])) {
        $v = $c['verify'];
        $rtc = $v['rtc'] ?? null;
        $result = AccessToken2::verify($c['token'], $v['app_certificate'], $rtc['channel_name'] ?? null,
            $rtc === null ? null : (array_key_exists('uid', $rtc) ? $rtc['uid'] : $rtc['user_account']), $v['now']);
        expect($result === $v['result'], "verify: got $result, expected {$v['result']}");
    }
}

$dir = getenv('AGORA_TOKEN_VECTORS');
if (!is_string($dir) || $dir === '') {
    $dir = dirname(__DIR__, 2) . '/tests/vectors';
}
$files = glob(rtrim($dir, '/') . '/*.jsonl') ?: [];
sort($files);
if ($files === []) {
    echo "no *.jsonl vector files in $dir\n";
}

$passed = 0;
$failed = 0;
$seen = [];
foreach ($files as $file) {
    $lines = file($file, FILE_IGNORE_NEW_LINES);
    if ($lines === false) {
        echo "FAIL $file: cannot read\n";
        $failed++;
        continue;
    }
    foreach ($lines as $n => $line) {
        if (trim($line) === '') {
            continue;
        }
        $where = basename($file) . ':' . ($n + 1);
        try {
            $c = json_decode($line, true, 64, JSON_THROW_ON_ERROR);
            expect(is_array($c) && is_string($c['id'] ?? null) && is_string($c['kind'] ?? null), 'a case needs string id and kind');
            $where = $c['id'];
            expect(!isset($seen[$c['id']]), 'duplicate id');
            $seen[$c['id']] = true;
            match ($c['kind']) {
                'build006' => runBuild($c),
                'parse006' => runParse($c),
                'reject006' => runReject($c),
                'invalid006' => runInvalid($c),
                'build007' => compare007($c, build007($c)),
                'builder007' => runBuilder007($c),
                'parse007' => runParse007($c),
                'reject007' => expectCategory(static fn () => (new AccessToken2())->parse($c['token']), $c['error']),
                'invalid007' => expectCategory(static fn () => build007($c), $c['error']),
                default => throw new CaseFailed("unknown kind {$c['kind']}"),
            };
            $passed++;
        } catch (Throwable $e) {
            $failed++;
            $kind = $e instanceof CaseFailed ? '' : get_class($e) . ': ';
            echo "FAIL $where: $kind{$e->getMessage()}\n";
        }
    }
}

echo "conformance[php]: $passed passed, $failed failed\n";
exit($failed > 0 || $passed === 0 ? 1 : 0);
