'use strict';
// npm agora-token/src/SttTokenBuilder, here: require('agoratoken/agora-token/src/SttTokenBuilder').
module.exports = require('../../../agora.js').agoraToken.SttTokenBuilder;
