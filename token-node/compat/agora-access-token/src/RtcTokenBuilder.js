'use strict';
// npm agora-access-token/src/RtcTokenBuilder, here: require('agoratoken/agora-access-token/src/RtcTokenBuilder').
module.exports = require('../../../agora.js').agoraAccessToken.RtcTokenBuilder;
