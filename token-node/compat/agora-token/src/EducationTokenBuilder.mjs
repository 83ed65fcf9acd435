// ESM view of EducationTokenBuilder.js ('agoratoken/agora-token/src/EducationTokenBuilder'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./EducationTokenBuilder.js');

export const { EducationTokenBuilder } = m;
export default m;
