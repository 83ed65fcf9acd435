<?php

// Runs Agora's own PHP test scripts (AgoraIO/Tools, DynamicKey/AgoraDynamicKey/php/test)
// against this package, with only their require/include lines of ../src/* changed.
//
//   AGORA_TOOLS_DIR=/path/to/AgoraIO-Tools php -d ffi.enable=1 token-php/compat/run-reference.php
//
// AGORA_TOOLS_DIR is a fetched copy of AgoraIO/Tools (DynamicKey/AgoraDynamicKey/php/test
// under it); unset, this says "skipped" and exits 0. The scripts are copied to a temporary
// folder outside the repository (never into it), each `require|include ... "../src/X.php"`
// line becomes `require_once '<token-php>/aliases.php'; require_once '<token-php>/compat/Util.php';`,
// and every other line is kept byte for byte (checked). Each script then runs in its own
// PHP process, from its folder, as the reference runs it.
//
// Counting: one per assertion. Agora's scripts print "assert ok"/"assert failed" (TestTool.php,
// the 006 script) or call Util::assertEqual (compat/Util.php here: "compat-assert ok|FAILED").
// A failed assertion listed in KNOWN below is a known difference (README: "Differences from
// Agora's builders"); a KNOWN entry whose assertion passes is a failure, so the list stays
// true. A script that exits non-zero, prints a PHP error, deprecation or uncaught exception,
// or runs no assertion is a failure; so is a *Test.php file in neither list below.
//
// Last line: compat[php, reference]: N passed, M failed, D known differences, K skipped
// Exit status: non-zero when M > 0 or N = 0.

declare(strict_types=1);

const IN_SCOPE = [
    'AccessTokenTest.php',            // 006 AccessToken, RtcTokenBuilder, RtmTokenBuilder
    'AccessToken2Test.php',
    'RtcTokenBuilder2Test.php',
    'RtmTokenBuilder2Test.php',
    'FpaTokenBuilderTest.php',
    'ApaasTokenBuilderTest.php',
    'EducationTokenBuilderTest.php',
];

const OUT_OF_SCOPE = [
    'DynamicKeyTest.php' => 'DynamicKey4, another format',
    'DynamicKey5Test.php' => 'DynamicKey5, another format',
    'CoverageRunner.php' => 'Xdebug coverage driver of the other scripts, not a test',
];

/** Failed assertions that are deliberate differences: "<file> <where>" => reason. */
const KNOWN = [
];

/** Lines on stderr that are expected: AccessToken::init/extract report refused input as E_USER_WARNING. */
const EXPECTED_STDERR = '/^(PHP )?Warning: +AccessToken::(init|extract): /';

$tools = getenv('AGORA_TOOLS_DIR');
if ($tools === false || $tools === '') {
    echo "compat[php, reference]: skipped: AGORA_TOOLS_DIR not set\n";
    exit(0);
}
$testDir = rtrim($tools, '/') . '/DynamicKey/AgoraDynamicKey/php/test';
if (!is_dir($testDir)) {
    fwrite(STDERR, "run-reference: $testDir is not a folder (AGORA_TOOLS_DIR must hold a copy of AgoraIO/Tools)\n");
    exit(2);
}

$package = dirname(__DIR__);
$repo = dirname($package);
$work = sys_get_temp_dir() . '/agoratoken-php-reference-' . getmypid();
if (str_starts_with(realpath(sys_get_temp_dir()) . '/', realpath($repo) . '/')) {
    fwrite(STDERR, "run-reference: the temporary folder is inside the repository; set TMPDIR elsewhere\n");
    exit(2);
}
@mkdir($work . '/test', 0777, true);
register_shutdown_function(static function () use ($work): void {
    foreach (glob($work . '/test/*') ?: [] as $f) {
        unlink($f);
    }
    @rmdir($work . '/test');
    @rmdir($work);
});

$replacement = sprintf('require_once %s; require_once %s;', var_export($package . '/aliases.php', true), var_export(__DIR__ . '/Util.php', true));
$requireLine = '/^(\s*)(?:require|require_once|include|include_once)\s*\(?\s*["\']\.\.\/src\/[A-Za-z0-9_]+\.php["\']\s*\)?\s*;\s*$/';

$passed = $failed = $known = $skipped = 0;
$php = escapeshellarg(PHP_BINARY) . ' -d ffi.enable=1 -d display_errors=stderr -d error_reporting=-1 -d zend.assertions=1';

$files = array_map('basename', glob($testDir . '/*.php') ?: []);
foreach ($files as $file) {
    // Every file is copied (TestTool.php is included by the 006 script).
    $source = file_get_contents("$testDir/$file");
    $lines = explode("\n", $source);
    $changed = 0;
    foreach ($lines as $i => $line) {
        if (preg_match($requireLine, $line, $m)) {
            $lines[$i] = $m[1] . $replacement;
            $changed++;
        } elseif (str_contains($line, '../src/')) {
            echo "$file: line " . ($i + 1) . " names ../src/ outside a require line; not rewritten\n";
        }
    }
    file_put_contents("$work/test/$file", implode("\n", $lines));
    if (isset(OUT_OF_SCOPE[$file])) {
        echo "$file: skipped (" . OUT_OF_SCOPE[$file] . ")\n";
        $skipped++;
    } elseif (!in_array($file, IN_SCOPE, true) && str_ends_with($file, 'Test.php')) {
        echo "$file: FAILED: a test script the runner does not know; classify it in IN_SCOPE or OUT_OF_SCOPE\n";
        $failed++;
    } elseif (in_array($file, IN_SCOPE, true) && $changed === 0) {
        echo "$file: FAILED: no require line of ../src/ found to rewrite\n";
        $failed++;
    }
}

foreach (IN_SCOPE as $file) {
    if (!in_array($file, $files, true)) {
        echo "$file: FAILED: not found in $testDir\n";
        $failed++;
        continue;
    }
    $spec = [1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
    $proc = proc_open("$php " . escapeshellarg($file), $spec, $pipes, "$work/test");
    $stdout = stream_get_contents($pipes[1]);
    $stderr = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    $status = proc_close($proc);

    $ok = $bad = $diff = 0;
    $seen = [];
    $n006 = 0;
    foreach (preg_split('/\R/', $stdout) as $line) {
        $result = null;
        if (preg_match('/^compat-assert (ok|FAILED) (\S+)(.*)$/', $line, $m)) {
            [$result, $where, $detail] = [$m[1] === 'ok', $m[2], $m[3]];
        } elseif (preg_match('/^\s*assert (ok|failed)\s*$/', $line, $m)) {
            $n006++;
            [$result, $where, $detail] = [$m[1] === 'ok', "assert#$n006", ''];
        }
        if ($result === null) {
            continue;
        }
        $key = "$file $where";
        $seen[$key] = true;
        if (isset(KNOWN[$key])) {
            if ($result) {
                echo "$key: FAILED: listed as a known difference but passes now; remove it from KNOWN and the README\n";
                $bad++;
            } else {
                echo "$key: known difference: " . KNOWN[$key] . "\n";
                $diff++;
            }
        } elseif ($result) {
            $ok++;
        } else {
            echo "$key: FAILED$detail\n";
            $bad++;
        }
    }
    // The 006 script's own helper prints the values of a failure on the next lines.
    if ($n006 > 0 && preg_match_all('/assert failed\s+expect:\s+(.*)\s+actual:\s+(.*)/', $stdout, $mm, PREG_SET_ORDER)) {
        foreach ($mm as $m) {
            echo "$file:   expected " . trim($m[1]) . ", actual " . trim($m[2]) . "\n";
        }
    }
    foreach (KNOWN as $key => $reason) {
        if (str_starts_with($key, "$file ") && !isset($seen[$key])) {
            echo "$key: FAILED: a known difference that no assertion reached\n";
            $bad++;
        }
    }
    $errors = [];
    foreach (preg_split('/\R/', trim($stderr)) as $line) {
        if ($line !== '' && !preg_match(EXPECTED_STDERR, $line)) {
            $errors[] = $line;
        }
    }
    foreach (['Fatal error', 'Uncaught', 'Deprecated:', 'Warning:', 'Notice:'] as $marker) {
        if (str_contains($stdout, $marker)) {
            $errors[] = "stdout holds \"$marker\"";
        }
    }
    if ($status !== 0 || $errors !== [] || $ok + $diff + $bad === 0) {
        echo "$file: FAILED: exit status $status" . ($ok + $diff + $bad === 0 ? ', no assertion ran' : '') . "\n";
        foreach ($errors as $line) {
            echo "$file:   $line\n";
        }
        $bad++;
    }
    echo "$file: $ok passed, $bad failed, $diff known differences\n";
    $passed += $ok;
    $failed += $bad;
    $known += $diff;
}

echo "compat[php, reference]: $passed passed, $failed failed, $known known differences, $skipped skipped\n";
exit($failed > 0 || $passed === 0 ? 1 : 0);
