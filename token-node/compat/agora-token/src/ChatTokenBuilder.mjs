// ESM view of ChatTokenBuilder.js ('agoratoken/agora-token/src/ChatTokenBuilder'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./ChatTokenBuilder.js');

export const { ChatTokenBuilder } = m;
export default m;
