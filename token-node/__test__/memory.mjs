// Builds N 007 tokens (default 10 million) through the reference builders and
// the AccessToken2 class, and prints RSS: a leak in the addon's one generic
// entry, the data entry or the string conversions shows as growth.
// Usage: node memory.mjs [N]. The last line is JSON: { tokens, startMb, endMb, maxMb }.
import * as v2 from '../v2.mjs';

const N = Number(process.argv[2] ?? 10_000_000);
const APP_ID = '970CA35de60c44645bbae8a215061b33';
const APP_CERT = '5CFd2fd1755d40ecb72977518be15d3b';
const mb = () => Math.round((process.memoryUsage().rss / 2 ** 20) * 10) / 10;
const heapMb = () => Math.round((process.memoryUsage().heapTotal / 2 ** 20) * 10) / 10;

function one(i) {
  switch (i % 8) {
    case 0:
      return v2.ChatTokenBuilder.buildUserToken(APP_ID, APP_CERT, `user-${i}`, 3600);
    case 1: {
      const t = new v2.AccessToken2(APP_ID, APP_CERT, 0, 600);
      const s = new v2.ServiceRtc(`room-${i % 1000}`, i);
      s.add_privilege(v2.ServiceRtc.kPrivilegeJoinChannel, 600);
      t.add_service(s);
      return t.build();
    }
    case 2:
      try {
        return v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, 'bad/channel', i, 1, 600); // the error path
      } catch (e) {
        return e.message;
      }
    default:
      return v2.RtcTokenBuilder.buildTokenWithUid(APP_ID, APP_CERT, `room-${i % 1000}`, i, v2.RtcRole.PUBLISHER, 3600, 3600);
  }
}

let sink = 0;
// V8 sizes its heap and glibc its arenas over the first ~100k tokens; measure after that.
const warmup = Math.min(100_000, N);
for (let i = 0; i < warmup; i += 1) sink += one(i).length;
globalThis.gc?.();
const startMb = mb();
let maxMb = startMb;
const report = Math.max(1, Math.floor(N / 10));
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i += 1) {
  sink += one(i).length;
  if ((i + 1) % report === 0) {
    maxMb = Math.max(maxMb, mb());
    if (N >= 1_000_000) console.log(`${i + 1} tokens, RSS ${mb()} MB (V8 heap ${heapMb()} MB)`);
  }
}
globalThis.gc?.();
const endMb = mb();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
if (sink === 0) throw new Error('nothing built');
console.log(JSON.stringify({ tokens: N, startMb, endMb, maxMb: Math.max(maxMb, endMb), seconds: Math.round(seconds) }));
