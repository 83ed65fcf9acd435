// ESM view of ApaasTokenBuilder.js ('agoratoken/agora-token/src/ApaasTokenBuilder'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./ApaasTokenBuilder.js');

export const { ApaasTokenBuilder } = m;
export default m;
