// A minimal token endpoint on node:http, minting AccessToken2 (007) tokens.
//
//   AGORA_APP_ID=... AGORA_APP_CERTIFICATE=... node server.mjs
//   curl 'http://127.0.0.1:8080/rtc?channel=room-1&uid=42&role=publisher'
//   curl 'http://127.0.0.1:8080/rtc?channel=room-1&uid=007'     (the account "007", not uid 7)
//   curl 'http://127.0.0.1:8080/rtc?channel=room-1&account=alice'
//   curl 'http://127.0.0.1:8080/rtm?user=alice'
//   curl 'http://127.0.0.1:8080/chat?user=alice'
//
// Answers {"token": "007...", "expire": 3600} (seconds from now) or, for invalid input,
// 400 {"error": <category>, "message": ...}.
// Messages come from agoratoken and never contain the app certificate.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

import { ChatTokenBuilder, RtcRole, RtcTokenBuilder, RtmTokenBuilder, uidFromDecimal } from 'agoratoken/v2';

const TOKEN_LIFETIME_SECS = 3600;
const ROLES = { publisher: RtcRole.PUBLISHER, subscriber: RtcRole.SUBSCRIBER };

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

class BadRequest extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

// The RTC user of `uid=...`, by the library's rule (uidFromDecimal, token-core's
// uid_from_decimal): canonical decimal text ("0", "42") is that numeric uid; anything else
// ("007", "alice", "1e3", "4294967296") is a user account, as in examples/python/server.py,
// whose own checks then apply (a 400 `user_account` for "", "a/b" or 256 bytes).
function rtcUser(text) {
  try {
    return { uid: uidFromDecimal(text) };
  } catch (e) {
    if (e.code !== 'uid') throw e;
    return { account: text };
  }
}

/** A request handler minting tokens for one app. */
export function tokenHandler(appId, appCertificate) {
  return (req, res) => {
    if (req.method !== 'GET') return send(res, 405, { error: 'method', message: 'use GET' });
    // An absolute-form target such as "http://[" is not a URL: an uncaught throw here
    // would take the whole process down.
    let url;
    try {
      url = new URL(req.url, 'http://localhost');
    } catch {
      return send(res, 400, { error: 'url', message: 'the request target is not a valid URL' });
    }
    const q = url.searchParams;
    const expire = TOKEN_LIFETIME_SECS; // 007: seconds from now, for the token and its privileges
    try {
      if (url.pathname === '/rtc') {
        const channel = q.get('channel') ?? '';
        const role = ROLES[q.get('role') ?? 'publisher'];
        if (role === undefined) throw new BadRequest('role', 'role: must be publisher or subscriber');
        const user = q.has('account') ? { account: q.get('account') } : rtcUser(q.get('uid') ?? '0');
        const token = 'uid' in user
          ? RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channel, user.uid, role, expire, expire)
          : RtcTokenBuilder.buildTokenWithUserAccount(appId, appCertificate, channel, user.account, role, expire, expire);
        return send(res, 200, { token, expire });
      }
      if (url.pathname === '/rtm') {
        const token = RtmTokenBuilder.buildToken(appId, appCertificate, q.get('user') ?? '', expire);
        return send(res, 200, { token, expire });
      }
      if (url.pathname === '/chat') {
        const token = ChatTokenBuilder.buildUserToken(appId, appCertificate, q.get('user') ?? '', expire);
        return send(res, 200, { token, expire });
      }
      return send(res, 404, { error: 'not_found', message: 'try /rtc, /rtm or /chat' });
    } catch (e) {
      // agoratoken's errors carry the category in `code`; anything else is a bug.
      if (typeof e.code === 'string' && !(e instanceof TypeError)) {
        return send(res, 400, { error: e.code, message: e.message });
      }
      return send(res, 500, { error: 'internal', message: 'internal error' });
    }
  };
}

/** A server (not yet listening) for this app. */
export function tokenServer(appId, appCertificate) {
  return createServer(tokenHandler(appId, appCertificate));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const appId = process.env.AGORA_APP_ID;
  const appCertificate = process.env.AGORA_APP_CERTIFICATE;
  if (!appId || !appCertificate) {
    console.error('set AGORA_APP_ID and AGORA_APP_CERTIFICATE');
    process.exit(2);
  }
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 8080);
  const server = tokenServer(appId, appCertificate);
  server.listen(port, host, () => {
    const { address, port: bound } = server.address();
    console.log(`listening on http://${address}:${bound}`);
  });
}
