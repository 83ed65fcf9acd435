'use strict';
// npm agora-token/src/RtcTokenBuilder2, here: require('agoratoken/agora-token/src/RtcTokenBuilder2').
module.exports = require('../../../agora.js').agoraToken.RtcTokenBuilder2;
