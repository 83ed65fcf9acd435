<?php

// ns/token: token-php (FFI over libagoratoken) against plain-PHP 006 and 007 builders,
// measured side by side in one process. Usage: php bench.php [out.tsv]
// Each TSV line is "group<TAB>implementation<TAB>ns_per_op"; ours comes first.

declare(strict_types=1);

require dirname(__DIR__) . '/autoload.php';
require __DIR__ . '/PlainAccessToken2.php';
require __DIR__ . '/PlainSimpleTokenBuilder.php';
require __DIR__ . '/ReferenceStyleTokenBuilder.php';

use AgoraToken\Bench\PlainAccessToken2;
use AgoraToken\Bench\PlainSimpleTokenBuilder;
use AgoraToken\Bench\ReferenceStyleTokenBuilder;
use AgoraToken\Privileges;
use AgoraToken\RtcTokenBuilder;
use AgoraToken\RtcTokenBuilder2;
use AgoraToken\SimpleTokenBuilder;

const APP_ID = '970CA35de60c44645bbae8a215061b33';
const CERT = '5CFd2fd1755d40ecb72977518be15d3b';
const CHANNEL = '7d72365eb983485397e3e3f9d460bdda';
const UID = 2882341273;
const OURS = 'token-php (FFI)';
const PEER = 'plain PHP (hash_hmac + random_int)';
const REF = 'plain PHP, Agora-sample style (byte arrays)';
const PEER007 = 'plain PHP 007, Agora-reference style (pack, hash_hmac, zlib_encode)';

// The peer must be right before it is timed: every build006 vector.
$vectors = dirname(__DIR__, 2) . '/tests/vectors/build006.jsonl';
$checked = 0;
foreach (file($vectors, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
    $c = json_decode($line, true, 32, JSON_THROW_ON_ERROR);
    foreach ([PlainSimpleTokenBuilder::class, ReferenceStyleTokenBuilder::class] as $class) {
        $p = new $class($c['app_id'], $c['app_certificate'], $c['channel_name'], $c['uid'] ?? $c['user_account']);
        $p->setSalt($c['salt']);
        $p->setTs($c['ts']);
        foreach ($c['privileges'] as [$id, $expire]) {
            $p->setPrivilege($id, $expire);
        }
        if ($p->buildToken() !== $c['token']) {
            fwrite(STDERR, "the plain-PHP peer $class is wrong on {$c['id']}\n");
            exit(1);
        }
    }
    $checked++;
}
if ($checked === 0) {
    fwrite(STDERR, "no build006 vectors in $vectors\n");
    exit(1);
}
// The 007 peer, likewise: every rtc.build_token_with_uid case of builder007.
$checked = 0;
foreach (file(dirname(__DIR__, 2) . '/tests/vectors/builder007.jsonl', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
    $c = json_decode($line, true, 32, JSON_THROW_ON_ERROR);
    if ($c['builder'] !== 'rtc.build_token_with_uid') {
        continue;
    }
    $a = $c['args'];
    $token = PlainAccessToken2::buildTokenWithUid($c['app_id'], $c['app_certificate'], $a['channel_name'], $a['uid'], $a['role'],
        $a['token_expire'], $a['privilege_expire'] ?? 0, $c['issue_ts'], $c['salt']);
    if ($token !== $c['token']) {
        fwrite(STDERR, "the plain-PHP 007 peer is wrong on {$c['id']}\n");
        exit(1);
    }
    $checked++;
}
if ($checked === 0) {
    fwrite(STDERR, "no rtc.build_token_with_uid case in builder007\n");
    exit(1);
}

/**
 * Median ns per call of each closure, the closures taking turns round by round
 * (so that both see the same machine load).
 *
 * @param array<string, callable(): string> $impls
 * @return array<string, float>
 */
function measure(array $impls, float $roundSeconds = 0.15, int $rounds = 7): array
{
    $n = [];
    foreach ($impls as $name => $f) {
        // Warm up, then size a round to about $roundSeconds.
        $iters = 200;
        do {
            $t0 = hrtime(true);
            for ($i = 0; $i < $iters; $i++) {
                $f();
            }
            $elapsed = hrtime(true) - $t0;
            $iters *= 2;
        } while ($elapsed < 20e6);
        $n[$name] = max(100, (int) ($iters / 2 * $roundSeconds * 1e9 / $elapsed));
    }
    $samples = array_fill_keys(array_keys($impls), []);
    for ($r = 0; $r < $rounds; $r++) {
        foreach ($impls as $name => $f) {
            $iters = $n[$name];
            $t0 = hrtime(true);
            for ($i = 0; $i < $iters; $i++) {
                $f();
            }
            $samples[$name][] = (hrtime(true) - $t0) / $iters;
        }
    }
    $out = [];
    foreach ($samples as $name => $s) {
        sort($s);
        $out[$name] = $s[intdiv(count($s), 2)];
    }
    return $out;
}

$ours = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, UID);
$ours->setPrivilege(Privileges::kJoinChannel, 1446455471);
$peer = new PlainSimpleTokenBuilder(APP_ID, CERT, CHANNEL, UID);
$peer->setPrivilege(Privileges::kJoinChannel, 1446455471);
$expire = time() + 3600;

$groups = [
    'php build_token (builder reused)' => [
        OURS => static fn (): string => $ours->buildToken(),
        PEER => static fn (): string => $peer->buildToken(),
    ],
    'php new builder + build_token' => [
        OURS => static function (): string {
            $b = new SimpleTokenBuilder(APP_ID, CERT, CHANNEL, UID);
            $b->setPrivilege(Privileges::kJoinChannel, 1446455471);
            return $b->buildToken();
        },
        PEER => static function (): string {
            $b = new PlainSimpleTokenBuilder(APP_ID, CERT, CHANNEL, UID);
            $b->setPrivilege(Privileges::kJoinChannel, 1446455471);
            return $b->buildToken();
        },
        REF => static function (): string {
            $b = new ReferenceStyleTokenBuilder(APP_ID, CERT, CHANNEL, UID);
            $b->setPrivilege(Privileges::kJoinChannel, 1446455471);
            return $b->buildToken();
        },
    ],
    'php 007 RtcTokenBuilder2::buildTokenWithUid' => [
        OURS => static fn (): string => RtcTokenBuilder2::buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RtcTokenBuilder2::ROLE_PUBLISHER, 600, 600),
        PEER007 => static fn (): string => PlainAccessToken2::buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, 1, 600, 600),
    ],
    'php RtcTokenBuilder::buildTokenWithUid' => [
        OURS => static fn (): string => RtcTokenBuilder::buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RtcTokenBuilder::RolePublisher, $expire),
        PEER => static fn (): string => PlainSimpleTokenBuilder::buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RtcTokenBuilder::RolePublisher, $expire),
        REF => static fn (): string => ReferenceStyleTokenBuilder::buildTokenWithUid(APP_ID, CERT, CHANNEL, UID, RtcTokenBuilder::RolePublisher, $expire),
    ],
];

$tsv = '';
printf("%-40s  %-44s  %10s  %8s\n", 'group', 'implementation', 'ns/op', 'vs ours');
foreach ($groups as $group => $impls) {
    $ns = measure($impls);
    foreach ($ns as $name => $v) {
        printf("%-40s  %-44s  %10.1f  %7.2fx\n", $group, $name, $v, $v / $ns[OURS]);
        $tsv .= "$group\t$name\t" . sprintf('%.1f', $v) . "\n";
    }
}
if (isset($argv[1])) {
    file_put_contents($argv[1], $tsv);
}
