'use strict';
// npm agora-token/src/RtmTokenBuilder, here: require('agoratoken/agora-token/src/RtmTokenBuilder').
module.exports = require('../../../agora.js').agoraToken.RtmTokenBuilder;
