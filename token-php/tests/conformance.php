<?php

// The PHP conformance runner: every case of every *.jsonl file in
// $AGORA_TOKEN_VECTORS (else <repo root>/tests/vectors), through the
// AgoraToken package. Prints failures, then, last,
// "conformance[php]: N passed, M failed"; exits 1 when M > 0 or N = 0.

declare(strict_types=1);

require dirname(__DIR__) . '/autoload.php';

use AgoraToken\AgoraTokenException;
use AgoraToken\SimpleTokenBuilder;
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
