<?php

// A minimal token endpoint for PHP's built-in server:
//
//   AGORA_APP_ID=... AGORA_APP_CERTIFICATE=... \
//     php -d ffi.enable=1 -S 127.0.0.1:8080 examples/php/index.php
//   curl 'http://127.0.0.1:8080/token?channel=room-1&uid=42'
//
// GET /token?channel=<name>&uid=<uid or account> returns
// {"token": "006...", "channel": ..., "uid": ..., "expires_at": ...}: a publisher
// RTC token (format 006) whose privileges expire in one hour. The uid follows
// the library's rule (agora_token_uid_from_decimal): text in canonical decimal
// form ("42", "0": any user) is that numeric uid, echoed as a number; any other
// text ("007", "alice", "4294967296") is a user account, echoed as a string
// ("007" is not uid 7: a client joining as uid 7 could not use its token).
// examples/python/server.py reads the uid text the same way.
// Invalid input is a 400 with {"error": "<category>", "message": "..."}.

declare(strict_types=1);

require __DIR__ . '/../../token-php/autoload.php';

use AgoraToken\AgoraTokenException;
use AgoraToken\Reference\RtcTokenBuilder as ReferenceRtcTokenBuilder;
use AgoraToken\RtcTokenBuilder;

const PRIVILEGE_LIFETIME = 3600;

/** @param array<string, mixed> $body */
function reply(int $status, array $body): void
{
    http_response_code($status);
    header('Content-Type: application/json');
    header('Cache-Control: no-store');
    echo json_encode($body, JSON_UNESCAPED_SLASHES), "\n";
}

$path = parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH);
if ($path !== '/token') {
    reply(404, ['error' => 'not_found', 'message' => 'GET /token?channel=<name>&uid=<uid>']);
    return;
}
if (($_SERVER['REQUEST_METHOD'] ?? 'GET') !== 'GET') {
    reply(405, ['error' => 'method', 'message' => 'use GET']);
    return;
}
$appId = getenv('AGORA_APP_ID');
$appCertificate = getenv('AGORA_APP_CERTIFICATE');
if (!is_string($appId) || !is_string($appCertificate) || $appId === '' || $appCertificate === '') {
    reply(500, ['error' => 'config', 'message' => 'set AGORA_APP_ID and AGORA_APP_CERTIFICATE']);
    return;
}

$channel = $_GET['channel'] ?? null;
$uid = $_GET['uid'] ?? '0';
$expiresAt = time() + PRIVILEGE_LIFETIME;

try {
    try {
        // Agora's builder under its own name takes the uid as text, by the library's rule:
        // canonical decimal only, anything else is a "uid" error.
        $token = ReferenceRtcTokenBuilder::buildTokenWithUid($appId, $appCertificate, $channel, $uid, RtcTokenBuilder::RolePublisher, $expiresAt);
        $uid = (int) $uid;   // exact: the library took it as canonical decimal
    } catch (AgoraTokenException $e) {
        if ($e->getCategory() !== 'uid') {
            throw $e;
        }
        // Not a numeric uid: a user account (the library checks its characters and length).
        $token = RtcTokenBuilder::buildTokenWithUserAccount($appId, $appCertificate, $channel, $uid, RtcTokenBuilder::RolePublisher, $expiresAt);
    }
} catch (AgoraTokenException $e) {
    // The message names the field and never holds the certificate.
    reply(400, ['error' => $e->getCategory(), 'message' => $e->getMessage()]);
    return;
}
reply(200, ['token' => $token, 'channel' => $channel, 'uid' => $uid, 'expires_at' => $expiresAt]);
