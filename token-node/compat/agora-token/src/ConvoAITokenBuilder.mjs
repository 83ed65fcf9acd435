// ESM view of ConvoAITokenBuilder.js ('agoratoken/agora-token/src/ConvoAITokenBuilder'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./ConvoAITokenBuilder.js');

export const { ConvoAITokenBuilder } = m;
export default m;
