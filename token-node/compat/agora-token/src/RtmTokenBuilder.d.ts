// Type definitions of agoratoken/agora-token/src/RtmTokenBuilder: npm agora-token's 006 module,
// the same module (and objects) as agoratoken/agora-access-token/src/RtmTokenBuilder.
export * from '../../agora-access-token/src/RtmTokenBuilder';
