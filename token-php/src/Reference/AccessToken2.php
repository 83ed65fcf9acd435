<?php

declare(strict_types=1);

namespace AgoraToken\Reference;

use AgoraToken\AgoraTokenException;
use AgoraToken\Internal\Native;
use AgoraToken\Internal\Token2;
use AgoraToken\Service;

/**
 * Agora's PHP `AccessToken2` ("007", DynamicKey/AgoraDynamicKey/php/src/AccessToken2.php)
 * with the reference's members and return values, over libagoratoken: the
 * global class `AccessToken2` once `aliases.php` is required.
 *
 * - `build()` returns "" where the reference does (no service; an app id or
 *   certificate the library refuses) and throws an {@see AgoraTokenException}
 *   naming the field for any other invalid value.
 * - `parse()` reads as the reference reads (it stops at the first service of
 *   a type it does not know) and returns false for a malformed token, with
 *   every field reset as the reference resets them.
 * - `verifySignature()` returns false before a successful parse() and for a
 *   certificate that is not one.
 *
 * Lifetimes are seconds after `issueTs` (Unix seconds). `issueTs` and `salt`
 * are null until set or parsed: each build() then uses the current time and
 * a fresh CSPRNG salt (libagoratoken's defaults). The certificate is not a
 * visible property (`$token->appCert` still reads and writes it).
 *
 * @property string $appCert the app certificate (32 hex digits), write-mostly
 */
final class AccessToken2
{
    public const VERSION = '007';
    public const VERSION_LENGTH = 3;

    /** @var string the app id (32 hex digits) */
    public $appId;
    /** @var int|float|string seconds after issueTs (a float is truncated, a string canonical decimal) */
    public $expire;
    /** @var int|float|string|null Unix seconds; null: the time of each build() */
    public $issueTs = null;
    /** @var int|float|string|null null: a fresh CSPRNG salt at each build() */
    public $salt = null;
    /** @var list<Service> in insertion order (parse(): token order) */
    public $services = [];

    private \SensitiveParameterValue $cert;
    /** The token of the last successful parse(), for verifySignature(). */
    private ?string $parsed = null;
    /** Its issue_ts (the public field may be changed since). */
    private int $parsedIssueTs = 0;

    /**
     * @param string    $appId   32 hex digits ("" for a parser)
     * @param string    $appCert 32 hex digits ("" for a parser)
     * @param int|float|string $expire seconds after issueTs (when built, a float is truncated
     *                                 and a string must be canonical decimal, "600")
     */
    public function __construct($appId = '', #[\SensitiveParameter] $appCert = '', $expire = 900)
    {
        $this->appId = $appId;
        $this->cert = new \SensitiveParameterValue($appCert);
        $this->expire = $expire;
    }

    /** Reads `appCert` (the reference's public field). */
    public function __get(string $name): mixed
    {
        if ($name === 'appCert') {
            return $this->cert->getValue();
        }
        trigger_error('Undefined property: AccessToken2::$' . $name, E_USER_WARNING);
        return null;
    }

    /** Writes `appCert` (the reference's public field). */
    public function __set(string $name, #[\SensitiveParameter] mixed $value): void
    {
        if ($name !== 'appCert') {
            throw new \Error('Cannot create dynamic property AccessToken2::$' . $name);
        }
        $this->cert = new \SensitiveParameterValue($value);
    }

    public function __isset(string $name): bool
    {
        return $name === 'appCert';
    }

    /** @return array<string, mixed> what var_dump and print_r show: never the certificate */
    public function __debugInfo(): array
    {
        return ['appId' => $this->appId, 'appCert' => '***', 'expire' => $this->expire, 'issueTs' => $this->issueTs,
            'salt' => $this->salt, 'services' => $this->services];
    }

    /** The version prefix, "007". */
    public static function getVersion(): string
    {
        return self::VERSION;
    }

    /** Appends a service (several of one type keep their order; build() packs them sorted by type, stable). */
    public function addService(Service $service): void
    {
        $this->services[] = $service;
    }

    /**
     * The services of a type, in insertion (or token) order.
     *
     * @param int $serviceType a SERVICE_TYPE constant
     * @return list<Service>
     */
    public function getServices($serviceType): array
    {
        return array_values(array_filter($this->services, static fn (Service $s): bool => $s->getServiceType() == $serviceType));
    }

    /**
     * Builds the token: "007" + base64(zlib(signature, content)), by
     * libagoratoken. Returns "" where the reference does: no service, or an
     * app id or certificate the library refuses (not a string of 32 hex digits).
     *
     * @throws AgoraTokenException naming the field of any other invalid value (a channel,
     *         a user, an expire outside 0..4294967295, a privilege id, ...)
     */
    public function build(): string
    {
        if ($this->services === [] || !\is_string($this->appId) || !\is_string($this->cert->getValue())) {
            return '';
        }
        $u32 = static fn (mixed $v, string $constant, string $field): ?int => $v === null ? null : Native::looseU32($v, $constant, $field);
        try {
            return Token2::buildData(
                Native::str($this->appId, 'AGORA_TOKEN_ERR_APP_ID', 'app_id'),
                Native::str($this->cert->getValue(), 'AGORA_TOKEN_ERR_APP_CERTIFICATE', 'app_certificate'),
                $u32($this->issueTs, 'AGORA_TOKEN_ERR_ISSUE_TS', 'issue_ts'),
                Native::looseU32($this->expire, 'AGORA_TOKEN_ERR_EXPIRE', 'expire'),
                $u32($this->salt, 'AGORA_TOKEN_ERR_SALT', 'salt'),
                array_map(static fn (Service $s): array => $s->data(), $this->services)
            );
        } catch (AgoraTokenException $e) {
            if (\in_array($e->getCategory(), ['app_id', 'app_certificate'], true)) {
                return '';
            }
            throw $e;
        }
    }

    /**
     * Reads a 007 token as the reference does: the fields, then the services
     * up to the first one of a type libagoratoken does not know (types
     * 1..10 are read; the reference reads 1..8). Returns false for a
     * malformed token; every field is reset first (appId "", issueTs, expire
     * and salt 0, no service), as in the reference.
     *
     * @param string $token
     */
    public function parse($token): bool
    {
        $this->parsed = null;
        $this->appId = '';
        $this->issueTs = $this->expire = $this->salt = 0;
        $this->services = [];
        if (!\is_string($token)) {
            return false;
        }
        try {
            $p = Token2::parse($token, true);
        } catch (AgoraTokenException) {
            return false;
        }
        $this->appId = $p['app_id'];
        $this->issueTs = $p['issue_ts'];
        $this->expire = $p['expire'];
        $this->salt = $p['salt'];
        $this->services = array_map([Service::class, 'fromData'], $p['services']);
        $this->parsed = $token;
        $this->parsedIssueTs = $p['issue_ts'];
        return true;
    }

    /**
     * After a successful parse(): whether the token is signed with
     * $appCertificate (the signature only, over everything the token holds,
     * read or not). False before parse(), after a failed one, and for a
     * certificate that is not 32 hex digits.
     *
     * @param string $appCertificate
     */
    public function verifySignature(#[\SensitiveParameter] $appCertificate): bool
    {
        if ($this->parsed === null || !\is_string($appCertificate)) {
            return false;
        }
        try {
            // At the token's own issue_ts nothing has expired: the signature is the check.
            return Token2::verify($this->parsed, $appCertificate, $this->parsedIssueTs, null, null, null, true) === 'ok';
        } catch (AgoraTokenException) {
            return false;
        }
    }
}
