'use strict';
// npm agora-token/src/ConvoAITokenBuilder, here: require('agoratoken/agora-token/src/ConvoAITokenBuilder').
module.exports = require('../../../agora.js').agoraToken.ConvoAITokenBuilder;
