// Type definitions of agoratoken/agora-token/src/RtcTokenBuilder: npm agora-token's 006 module,
// the same module (and objects) as agoratoken/agora-access-token/src/RtcTokenBuilder.
export * from '../../agora-access-token/src/RtcTokenBuilder';
