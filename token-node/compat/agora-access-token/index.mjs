// ESM view of index.js ('agoratoken/agora-access-token'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./index.js');

export const {
  RtcTokenBuilder,
  RtcRole,
  RtmTokenBuilder,
  RtmRole,
} = m;
export default m;
