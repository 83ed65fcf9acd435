<?php

// The benchmark peer for AccessToken2 (007): RtcTokenBuilder2::buildTokenWithUid
// in plain PHP, built the way Agora's PHP reference builds a token (a token
// object with a service object, pack() for every field, hash_hmac for the
// three-step signature, zlib_encode(..., ZLIB_ENCODING_DEFLATE), base64_encode,
// time() and rand() for issue_ts and salt). Written for this benchmark and
// checked against the builder007 vectors before timing; no input checks, as
// such code usually has none. Unlike PHP's reference it writes uid 0 as "".

declare(strict_types=1);

namespace AgoraToken\Bench;

final class PlainServiceRtc
{
    /** @var array<int, int> privilege id => seconds after issue_ts */
    public array $privileges = [];

    public function __construct(public string $channelName, public string $uid)
    {
    }

    public function pack(): string
    {
        ksort($this->privileges);
        $out = pack('vv', 1, \count($this->privileges));
        foreach ($this->privileges as $id => $expire) {
            $out .= pack('vV', $id, $expire);
        }
        return $out . pack('v', \strlen($this->channelName)) . $this->channelName . pack('v', \strlen($this->uid)) . $this->uid;
    }
}

final class PlainAccessToken2
{
    /** @var list<PlainServiceRtc> */
    public array $services = [];
    public int $issueTs;
    public int $salt;

    public function __construct(public string $appId, public string $appCert, public int $expire)
    {
        $this->issueTs = time();
        $this->salt = rand(1, 99999999);
    }

    public function build(): string
    {
        $signing = hash_hmac('sha256', hash_hmac('sha256', $this->appCert, pack('V', $this->issueTs), true), pack('V', $this->salt), true);
        $info = pack('v', \strlen($this->appId)) . $this->appId . pack('VVVv', $this->issueTs, $this->expire, $this->salt, \count($this->services));
        foreach ($this->services as $service) {
            $info .= $service->pack();
        }
        $signature = hash_hmac('sha256', $info, $signing, true);
        return '007' . base64_encode(zlib_encode(pack('v', \strlen($signature)) . $signature . $info, ZLIB_ENCODING_DEFLATE));
    }

    public static function buildTokenWithUid(string $appId, string $appCertificate, string $channelName, int $uid, int $role, int $tokenExpire, int $privilegeExpire = 0, ?int $issueTs = null, ?int $salt = null): string
    {
        $token = new self($appId, $appCertificate, $tokenExpire);
        $token->issueTs = $issueTs ?? $token->issueTs;
        $token->salt = $salt ?? $token->salt;
        $rtc = new PlainServiceRtc($channelName, $uid === 0 ? '' : (string) $uid);
        $rtc->privileges[1] = $privilegeExpire;
        if ($role === 1) {
            $rtc->privileges[2] = $rtc->privileges[3] = $rtc->privileges[4] = $privilegeExpire;
        }
        $token->services[] = $rtc;
        return $token->build();
    }
}
