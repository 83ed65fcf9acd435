// ESM view of SttTokenBuilder.js ('agoratoken/agora-token/src/SttTokenBuilder'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./SttTokenBuilder.js');

export const { SttTokenBuilder } = m;
export default m;
