// Type definitions of agoratoken/agora-token/src/AccessToken: npm agora-token's 006 module,
// the same module (and objects) as agoratoken/agora-access-token/src/AccessToken.
export * from '../../agora-access-token/src/AccessToken';
