'use strict';
// npm agora-token/src/RtmTokenBuilder2, here: require('agoratoken/agora-token/src/RtmTokenBuilder2').
module.exports = require('../../../agora.js').agoraToken.RtmTokenBuilder2;
