<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Native;
use AgoraToken\Internal\Token2;

/**
 * Agora's `AccessToken2` ("007"): app id, certificate, issue_ts (null: now,
 * at each build), expire (seconds after issue_ts), salt (null: a fresh
 * CSPRNG salt at each build) and services, described as data and built,
 * read and verified by libagoratoken.
 *
 * Invalid values are an AgoraTokenException naming the field; parse()
 * throws one for a malformed token (the reference returns false).
 */
final class AccessToken2
{
    public const VERSION = '007';
    public const VERSION_LENGTH = 3;

    public string $appCert;
    public string $appId;
    /** seconds after issue_ts: an int, or text in canonical decimal form ("900"), read when built */
    public int|string $expire;
    /** Unix seconds (null: now, at each build): an int, or canonical decimal text */
    public int|string|null $issueTs = null;
    /** null: a fresh CSPRNG salt at each build; an int, or canonical decimal text */
    public int|string|null $salt = null;
    /** @var list<Service> */
    public array $services = [];
    private ?string $token = null;

    public function __construct(string $appId = '', #[\SensitiveParameter] string $appCert = '', int|string $expire = 900)
    {
        $this->appId = $appId;
        $this->appCert = $appCert;
        $this->expire = $expire;
    }

    /** Appends a service (several of one type keep their order). */
    public function addService(Service $service): void
    {
        $this->services[] = $service;
    }

    /** @return list<Service> the services of a type, in order */
    public function getServices(int $serviceType): array
    {
        return array_values(array_filter($this->services, static fn (Service $s): bool => $s->type === $serviceType));
    }

    /** Builds the token ("007..."). */
    public function build(): string
    {
        // Text is read by the library's rule (agora_token_u32_from_decimal): "900" is 900;
        // "0900", " 900", "9e2" are errors of the field's category, not PHP's reading of them.
        $number = static fn (int|string|null $v, string $constant): ?int => \is_string($v) ? Native::fromDecimal($v, $constant) : $v;
        return Token2::buildData($this->appId, $this->appCert, $number($this->issueTs, 'AGORA_TOKEN_ERR_ISSUE_TS'),
            $number($this->expire, 'AGORA_TOKEN_ERR_EXPIRE'), $number($this->salt, 'AGORA_TOKEN_ERR_SALT'),
            array_map(static fn (Service $s): array => $s->data(), $this->services));
    }

    /**
     * Reads a 007 token strictly (any valid zlib stream) into the fields and
     * services (token order; a channel service's user is the packed user
     * string). Throws on a malformed token, leaving the object unchanged.
     */
    public function parse(string $token): bool
    {
        $p = Token2::parse($token);
        $this->appId = $p['app_id'];
        $this->issueTs = $p['issue_ts'];
        $this->expire = $p['expire'];
        $this->salt = $p['salt'];
        $this->services = array_map([Service::class, 'fromData'], $p['services']);
        $this->token = $token;
        return true;
    }

    /** After parse(): whether the token is signed with $appCertificate (the signature only). */
    public function verifySignature(#[\SensitiveParameter] string $appCertificate): bool
    {
        if ($this->token === null) {
            throw new \LogicException('parse a token before verifying its signature');
        }
        // At the token's own issue_ts nothing has expired: the signature is the check.
        return Token2::verify($this->token, $appCertificate, (int) $this->issueTs) === 'ok';
    }

    /**
     * Verifies a 007 token at $now (null: the current time): "ok", or the
     * first failing check ("signature_mismatch", "expired", then with a
     * channel: "service_missing", "channel_mismatch", "uid_mismatch",
     * "privilege_expired"). $uid is an int uid or a user account string.
     * $now is Unix seconds, an int or canonical decimal text (other text is
     * a `now` error).
     */
    public static function verify(string $token, #[\SensitiveParameter] string $appCertificate, ?string $channelName = null, int|string|null $uid = null, int|string|null $now = null, ?string $appId = null): string
    {
        $now = \is_string($now) ? Native::fromDecimal($now, 'AGORA_TOKEN_ERR_NOW') : ($now ?? time());
        return Token2::verify($token, $appCertificate, $now, $channelName, $uid, $appId);
    }
}
