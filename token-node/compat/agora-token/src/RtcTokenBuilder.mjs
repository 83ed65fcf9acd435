// ESM view of RtcTokenBuilder.js ('agoratoken/agora-token/src/RtcTokenBuilder'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./RtcTokenBuilder.js');

export const { RtcTokenBuilder, Role } = m;
export default m;
