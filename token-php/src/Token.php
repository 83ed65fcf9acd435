<?php

declare(strict_types=1);

namespace AgoraToken;

use AgoraToken\Internal\Native;

/**
 * Reading tokens back: strict parsing and verification.
 */
final class Token
{
    private function __construct()
    {
    }

    /**
     * Parses a 006 token strictly.
     *
     * @param string $token
     * @throws AgoraTokenException category "version", "app_id", "base64", "truncated" or "trailing"
     */
    public static function parse($token): ParsedToken
    {
        $ffi = Library::ffi();
        $token = Native::token($token);
        $info = $ffi->new('agora_token_info*');
        Native::check($ffi->agora_token_parse($token, \FFI::addr($info)));
        try {
            $privileges = [];
            for ($i = 0, $n = $info->privilege_count; $i < $n; $i++) {
                $p = $info->privileges[$i];
                $privileges[$p->id] = $p->expire_ts;
            }
            return new ParsedToken(
                \FFI::string($info->app_id),
                $info->signature_len > 0 ? \FFI::string($info->signature, $info->signature_len) : '',
                $info->crc_channel_name,
                $info->crc_uid,
                $info->salt,
                $info->ts,
                $privileges,
            );
        } finally {
            $ffi->agora_token_info_free($info);
        }
    }

    /**
     * Verifies a token for a channel and user.
     *
     * @param string      $token
     * @param string      $appCertificate the certificate the token must be signed with
     * @param string      $channelName
     * @param int|string  $uid   an int uid or a user account string (uid N and account "N" are the same user)
     * @param int|null    $now   Unix seconds; null: the current time
     * @param string|null $appID when given, the token must be for this app id
     * @return string "ok", or the first failing check: "app_id_mismatch", "channel_mismatch",
     *                "uid_mismatch", "signature_mismatch", "expired", "privilege_expired"
     * @throws AgoraTokenException for a malformed token or certificate (parse categories, "app_certificate")
     */
    public static function verify($token, #[\SensitiveParameter] $appCertificate, $channelName, $uid, $now = null, $appID = null): string
    {
        $ffi = Library::ffi();
        $token = Native::token($token);
        $appCertificate = Native::str($appCertificate, 'AGORA_TOKEN_ERR_APP_CERTIFICATE', 'app_certificate');
        $channelName = Native::str($channelName, 'AGORA_TOKEN_ERR_CHANNEL_NAME', 'channel_name');
        $now = Native::u32($now ?? time(), 'AGORA_TOKEN_ERR_NOW', 'now');
        if ($appID !== null) {
            $appID = Native::str($appID, 'AGORA_TOKEN_ERR_APP_ID', 'app_id');
        }
        $result = $ffi->new('int');
        if (is_string($uid)) {
            $uid = Native::str($uid, 'AGORA_TOKEN_ERR_USER_ACCOUNT', 'user_account');
            $status = $ffi->agora_token_verify_user_account(
                $token, $appID, $appCertificate, $channelName, $uid, $now, \FFI::addr($result)
            );
        } else {
            $uid = Native::u32($uid, 'AGORA_TOKEN_ERR_UID', 'uid');
            $status = $ffi->agora_token_verify($token, $appID, $appCertificate, $channelName, $uid, $now, \FFI::addr($result));
        }
        Native::check($status);
        return $ffi->agora_token_verify_result_name($result->cdata);
    }
}
