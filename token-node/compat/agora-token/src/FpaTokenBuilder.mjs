// ESM view of FpaTokenBuilder.js ('agoratoken/agora-token/src/FpaTokenBuilder'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./FpaTokenBuilder.js');

export const { FpaTokenBuilder } = m;
export default m;
