<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

/**
 * Every ```php block of token-php/README.md runs (issue 17: snippets rot),
 * each in a fresh scope with the names the README leaves to the reader
 * ($appID, $appCertificate, $now, the vendor/agoratoken/agoratoken/ path)
 * bound to real values.
 */
final class ReadmeTest extends Fixtures
{
    public function testReadmePhpBlocksRun(): void
    {
        $readme = (string) file_get_contents(dirname(__DIR__) . '/README.md');
        preg_match_all('/^```php\n(.*?)^```/sm', $readme, $m);
        $this->assertGreaterThanOrEqual(2, count($m[1]));
        foreach ($m[1] as $n => $block) {
            $run = static function (string $code, string $appID, string $appCertificate, int $now): void {
                eval($code);
            };
            // The install path the README leaves to the reader: this package.
            $block = str_replace("'vendor/agoratoken/agoratoken/", var_export(dirname(__DIR__) . '/', true) . " . '", $block);
            ob_start();
            try {
                $run($block, self::APP_ID, self::CERT, time());
            } catch (\Throwable $e) {
                $this->fail(sprintf("README php block %d failed: %s\n%s", $n + 1, $e->getMessage(), $block));
            } finally {
                ob_end_clean();
            }
        }
    }
}
