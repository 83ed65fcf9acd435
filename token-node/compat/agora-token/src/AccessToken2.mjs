// ESM view of AccessToken2.js ('agoratoken/agora-token/src/AccessToken2'): its names as named exports and the object itself
// as the default, the same objects (Node cannot read the names from a one-line re-export).
import { createRequire } from 'node:module';

const m = createRequire(import.meta.url)('./AccessToken2.js');

export const {
  AccessToken2,
  Rtm2Permissions,
  Service,
  ServiceRtc,
  ServiceRtm,
  ServiceStreaming,
  ServiceFpa,
  ServiceChat,
  ServiceFCdn,
  ServiceApaas,
  ServiceRtm2,
  ServiceConvoAI,
  ServiceStt,
  kRtcServiceType,
  kRtmServiceType,
  kStreamingServiceType,
  kFpaServiceType,
  kChatServiceType,
  kFCdnServiceType,
  kApaasServiceType,
  kRtm2ServiceType,
  kConvoAIServiceType,
  kSttServiceType,
} = m;
export default m;
