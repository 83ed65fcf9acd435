'use strict';
// npm agora-access-token/src/RtmTokenBuilder, here: require('agoratoken/agora-access-token/src/RtmTokenBuilder').
module.exports = require('../../../agora.js').agoraAccessToken.RtmTokenBuilder;
