// Starts the example on 127.0.0.1, fetches tokens, and checks them with agoratoken's verify.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { parse, verify } from 'agoratoken/v2';
import { tokenServer } from './server.mjs';

const APP_ID = '970CA35de60c44645bbae8a215061b33';
const APP_CERT = '5CFd2fd1755d40ecb72977518be15d3b';

async function get(base, path) {
  const res = await fetch(new URL(path, base));
  return { status: res.status, body: await res.json() };
}

describe('in-process server', () => {
  let server;
  let base;
  before(async () => {
    server = tokenServer(APP_ID, APP_CERT);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => server.close());

  test('RTC token (007) for a uid verifies', async () => {
    const { status, body } = await get(base, '/rtc?channel=room-1&uid=42');
    assert.equal(status, 200);
    assert.ok(body.token.startsWith('007'));
    assert.equal(verify(body.token, APP_CERT, { channelName: 'room-1', uid: 42 }), 'ok');
    const t = parse(body.token);
    assert.equal(t.expire, body.expire);
    assert.deepEqual(t.services[0].privileges, [1, 2, 3, 4].map((id) => [id, body.expire]));
  });

  test('uid=007 is the account "007", not uid 7 (canonical decimal only is a uid)', async () => {
    for (const [text, account] of [['007', '007'], ['alice', 'alice'], ['4294967296', '4294967296'], ['1e3', '1e3'], ['-1', '-1']]) {
      const { status, body } = await get(base, `/rtc?channel=room-1&uid=${text}`);
      assert.equal(status, 200, text);
      assert.equal(verify(body.token, APP_CERT, { channelName: 'room-1', uid: account }), 'ok', text);
      assert.equal(parse(body.token).services[0].account, account, text);
    }
    const seven = await get(base, '/rtc?channel=room-1&uid=007');
    assert.equal(verify(seven.body.token, APP_CERT, { channelName: 'room-1', uid: 7 }), 'uid_mismatch');
    // A uid is packed as its decimal string ("" for 0); the account "007" keeps its zeros.
    for (const [text, packed] of [['0', ''], ['42', '42']]) {
      const { body } = await get(base, `/rtc?channel=room-1&uid=${text}`);
      assert.equal(verify(body.token, APP_CERT, { channelName: 'room-1', uid: Number(text) }), 'ok', text);
      assert.equal(parse(body.token).services[0].account, packed, text);
    }
  });

  test('subscriber and account', async () => {
    const { status, body } = await get(base, '/rtc?channel=room-1&account=alice&role=subscriber');
    assert.equal(status, 200);
    assert.equal(verify(body.token, APP_CERT, { channelName: 'room-1', uid: 'alice' }), 'ok');
    assert.deepEqual(parse(body.token).services[0].privileges.map(([id]) => id), [1]);
  });

  test('RTM and Chat tokens', async () => {
    const rtm = await get(base, '/rtm?user=alice');
    assert.equal(rtm.status, 200);
    assert.equal(verify(rtm.body.token, APP_CERT, { rtmUserId: 'alice' }), 'ok');
    const chat = await get(base, '/chat?user=alice');
    assert.equal(chat.status, 200);
    assert.deepEqual(parse(chat.body.token).services.map((s) => [s.className, s.userId]), [['ServiceChat', 'alice']]);
  });

  test('invalid input is a 400 with the category, without the certificate', async () => {
    for (const [path, code] of [
      ['/rtc?channel=&uid=1', 'channel_name'],
      ['/rtc?channel=a/b&uid=1', 'channel_name'],
      ['/rtc?channel=room&uid=a/b', 'user_account'],
      ['/rtc?channel=room&uid=', 'user_account'],
      ['/rtc?channel=room&uid=' + '9'.repeat(256), 'user_account'],
      ['/rtc?channel=room&account=', 'user_account'],
      ['/rtc?channel=room&uid=1&role=admin', 'role'],
      ['/rtm', 'user_id'],
      ['/chat?user=' + 'u'.repeat(256), 'user_id'],
    ]) {
      const { status, body } = await get(base, path);
      assert.equal(status, 400, path);
      assert.equal(body.error, code, path);
      assert.ok(!JSON.stringify(body).includes(APP_CERT), path);
    }
    assert.equal((await get(base, '/nope')).status, 404);
  });

  test('a malformed request target is a 400, and the server keeps serving', async () => {
    // fetch() cannot send such a target: write the request by hand.
    const socket = connect(server.address().port, '127.0.0.1');
    socket.end('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    let reply = '';
    for await (const chunk of socket) reply += chunk;
    assert.match(reply, /^HTTP\/1\.1 400 /);
    assert.match(reply, /"error":"url"/);
    assert.equal((await get(base, '/rtc?channel=room-1&uid=42')).status, 200);
  });

  test('a bad certificate is reported by category only', async () => {
    const bad = tokenServer(APP_ID, 'not-a-certificate-zzzzzzzzzzzzzz');
    bad.listen(0, '127.0.0.1');
    await once(bad, 'listening');
    try {
      const { status, body } = await get(`http://127.0.0.1:${bad.address().port}`, '/rtc?channel=room&uid=1');
      assert.equal(status, 400);
      assert.equal(body.error, 'app_certificate');
      assert.ok(!body.message.includes('not-a-certificate'));
    } finally {
      bad.close();
    }
  });
});

test('server.mjs runs as a program', async () => {
  const script = fileURLToPath(new URL('./server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, AGORA_APP_ID: APP_ID, AGORA_APP_CERTIFICATE: APP_CERT, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const [line] = await once(child.stdout, 'data');
    const base = String(line).match(/listening on (http:\/\/\S+)/)[1];
    const { status, body } = await get(base, '/rtc?channel=room-2&uid=7');
    assert.equal(status, 200);
    assert.equal(verify(body.token, APP_CERT, { channelName: 'room-2', uid: 7 }), 'ok');
  } finally {
    child.kill();
  }
});

test('server.mjs refuses to start without credentials', async () => {
  const script = fileURLToPath(new URL('./server.mjs', import.meta.url));
  const env = { ...process.env };
  delete env.AGORA_APP_ID;
  delete env.AGORA_APP_CERTIFICATE;
  const child = spawn(process.execPath, [script], { env, stdio: 'ignore' });
  const [code] = await once(child, 'exit');
  assert.equal(code, 2);
});
