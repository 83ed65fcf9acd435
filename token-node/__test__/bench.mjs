// Benchmark: ns per RtcTokenBuilder.buildTokenWithUid (publisher role), ours and
// the npm builders side by side in one process, for 006 (agoratoken against
// agora-access-token and agora-token's src/RtcTokenBuilder) and 007
// (agoratoken/v2 against agora-token's index). Usage: node bench.mjs [out.tsv]
// Writes `group<TAB>implementation<TAB>ns_per_op` lines, ours first.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { RtcRole, RtcTokenBuilder, verify } from '../index.mjs';
import * as v2 from '../v2.mjs';

const require = createRequire(import.meta.url);
const APP_ID = '970CA35de60c44645bbae8a215061b33';
const APP_CERT = '5CFd2fd1755d40ecb72977518be15d3b';
const CHANNEL = '7d72365eb983485397e3e3f9d460bdda';
const UID = 2882341273;
const EXPIRE = Math.floor(Date.now() / 1000) + 3600;
const GROUPS = [
  {
    group: 'node RtcTokenBuilder.buildTokenWithUid (publisher)',
    impls: [
      ['agoratoken (node, ours)', RtcTokenBuilder],
      ['agora-access-token 2.0.4 (npm)', require('agora-access-token').RtcTokenBuilder],
      ['agora-token 2.0.6 (npm, 006)', require('agora-token/src/RtcTokenBuilder').RtcTokenBuilder],
    ],
    build: (b) => b.buildTokenWithUid(APP_ID, APP_CERT, CHANNEL, UID, RtcRole.PUBLISHER, EXPIRE),
    verifies: (token) => verify(token, APP_CERT, CHANNEL, UID) === 'ok',
  },
  {
    group: 'node 007 RtcTokenBuilder.buildTokenWithUid (publisher)',
    impls: [
      ['agoratoken/v2 (node, ours)', v2.RtcTokenBuilder],
      ['agora-token 2.0.6 (npm, 007)', require('agora-token').RtcTokenBuilder],
    ],
    build: (b) => b.buildTokenWithUid(APP_ID, APP_CERT, CHANNEL, UID, v2.RtcRole.PUBLISHER, 3600, 3600),
    verifies: (token) => v2.verify(token, APP_CERT, { channelName: CHANNEL, uid: UID }) === 'ok',
  },
];

let sink = 0;
function round(build, b, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) sink += build(b).length;
  return Number(process.hrtime.bigint() - start) / n;
}

// Calibrate to ~25 ms per round, then keep the best (least disturbed) of
// ROUNDS rounds, interleaved: on a shared machine short rounds are more likely
// to run undisturbed, and every implementation sees the same conditions.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const lines = [];
for (const { group, impls, build, verifies } of GROUPS) {
  // Each implementation's token must verify, so we time real work.
  for (const [name, b] of impls) if (!verifies(build(b))) throw new Error(`${name}: token does not verify`);
  const plans = impls.map(([name, b]) => {
    round(build, b, 2000); // warm up the JIT
    const per = round(build, b, 2000);
    return { name, b, n: Math.max(200, Math.round(25e6 / per)), best: Infinity };
  });
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const p of plans) p.best = Math.min(p.best, round(build, p.b, p.n));
  }
  const ours = plans[0].best;
  console.log(group);
  for (const p of plans) {
    lines.push(`${group}\t${p.name}\t${p.best.toFixed(1)}`);
    const ratio = p === plans[0] ? '' : `  (${(p.best / ours).toFixed(1)}x ours)`;
    console.log(`  ${p.name.padEnd(32)} ${p.best.toFixed(1).padStart(9)} ns/token${ratio}`);
  }
  const fastestPeer = Math.min(...plans.slice(1).map((p) => p.best));
  console.log(`  speed-up over the faster npm builder: ${(fastestPeer / ours).toFixed(1)}x`);
}
if (sink === 0) throw new Error('nothing built');
if (process.argv[2]) writeFileSync(process.argv[2], `${lines.join('\n')}\n`);
