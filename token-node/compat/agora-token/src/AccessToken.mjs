// ESM view of AccessToken.js ('agoratoken/agora-token/src/AccessToken'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./AccessToken.js');

export const { version, AccessToken, priviledges } = m;
export default m;
