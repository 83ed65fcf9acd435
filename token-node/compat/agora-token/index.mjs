// ESM view of index.js ('agoratoken/agora-token'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./index.js');

export const {
  ApaasTokenBuilder,
  ChatTokenBuilder,
  ConvoAITokenBuilder,
  EducationTokenBuilder,
  FpaTokenBuilder,
  RtcRole,
  RtcTokenBuilder,
  RtmTokenBuilder,
  Rtm2Permissions,
  SttTokenBuilder,
} = m;
export default m;
