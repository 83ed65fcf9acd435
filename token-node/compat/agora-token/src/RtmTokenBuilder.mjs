// ESM view of RtmTokenBuilder.js ('agoratoken/agora-token/src/RtmTokenBuilder'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./RtmTokenBuilder.js');

export const { RtmTokenBuilder, Role } = m;
export default m;
