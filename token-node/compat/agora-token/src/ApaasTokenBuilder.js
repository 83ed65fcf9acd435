'use strict';
// npm agora-token/src/ApaasTokenBuilder, here: require('agoratoken/agora-token/src/ApaasTokenBuilder').
module.exports = require('../../../agora.js').agoraToken.ApaasTokenBuilder;
