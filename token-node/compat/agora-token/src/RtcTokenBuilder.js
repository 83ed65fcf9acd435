'use strict';
// npm agora-token/src/RtcTokenBuilder, here: require('agoratoken/agora-token/src/RtcTokenBuilder').
module.exports = require('../../../agora.js').agoraToken.RtcTokenBuilder;
