// ESM entry point: the same objects as the CommonJS one (index.js).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const agoratoken = require('./index.js');

export const {
  SimpleTokenBuilder,
  RtcTokenBuilder,
  RtmTokenBuilder,
  Role,
  Privileges,
  RtcRole,
  RtmRole,
  ErrorCode,
  errorName,
  parse,
  verify,
  verifyRtm,
  version,
} = agoratoken;
export default agoratoken;
