// ESM view of RtmTokenBuilder2.js ('agoratoken/agora-token/src/RtmTokenBuilder2'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./RtmTokenBuilder2.js');

export const { RtmTokenBuilder } = m;
export default m;
