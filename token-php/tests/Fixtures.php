<?php

declare(strict_types=1);

namespace AgoraToken\Tests;

use AgoraToken\AgoraTokenException;
use PHPUnit\Framework\TestCase;

/** Shared inputs and assertions of the token-php suite. */
abstract class Fixtures extends TestCase
{
    /** Agora's classic example (build006 vector p-build006-0001). */
    public const APP_ID = '970CA35de60c44645bbae8a215061b33';
    public const CERT = '5CFd2fd1755d40ecb72977518be15d3b';
    public const CHANNEL = '7d72365eb983485397e3e3f9d460bdda';
    public const UID = 2882341273;
    public const SALT = 1;
    public const TS = 1111111;
    public const JOIN_EXPIRE = 1446455471;
    public const CLASSIC_TOKEN = '006970CA35de60c44645bbae8a215061b33IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW';

    public const OTHER_APP_ID = '0123456789abcdef0123456789ABCDEF';
    public const OTHER_CERT = 'ffffffffffffffffffffffffffffffff';

    /**
     * Runs $f, which must throw an AgoraTokenException of $category; returns it.
     * Also checks that the exception is an InvalidArgumentException, that its
     * code is the category's status, and that its message names something
     * without holding the certificate.
     */
    protected function assertCategory(string $category, callable $f): AgoraTokenException
    {
        try {
            $f();
        } catch (AgoraTokenException $e) {
            $this->assertInstanceOf(\InvalidArgumentException::class, $e);
            $this->assertSame($category, $e->getCategory(), 'category; message: ' . $e->getMessage());
            $this->assertLessThan(0, $e->getCode());
            $this->assertSame($category, AgoraTokenException::categoryOf($e->getCode()));
            $this->assertNotSame('', $e->getMessage());
            $this->assertNoSecret($e->getMessage());
            $this->assertNoSecret((string) $e);
            return $e;
        }
        $this->fail("expected an AgoraTokenException with category $category, nothing was thrown");
    }

    /** The certificate (in any case) must not appear in $text. */
    protected function assertNoSecret(string $text): void
    {
        foreach ([self::CERT, self::OTHER_CERT, 'D6C9A1B7D353085FC8EB2254B4598C0F'] as $secret) {
            $this->assertStringNotContainsStringIgnoringCase($secret, $text);
            $this->assertStringNotContainsStringIgnoringCase(substr($secret, 0, 16), $text);
        }
    }

    /** A token whose base64 content is rewritten by $edit (on the decoded bytes). */
    protected static function editContent(string $token, callable $edit): string
    {
        $content = base64_decode(substr($token, 35), true);
        self::assertIsString($content);
        return substr($token, 0, 35) . base64_encode($edit($content));
    }
}
