'use strict';
// npm agora-token/src/ChatTokenBuilder, here: require('agoratoken/agora-token/src/ChatTokenBuilder').
module.exports = require('../../../agora.js').agoraToken.ChatTokenBuilder;
