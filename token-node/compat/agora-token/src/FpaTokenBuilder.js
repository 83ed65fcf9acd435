'use strict';
// npm agora-token/src/FpaTokenBuilder, here: require('agoratoken/agora-token/src/FpaTokenBuilder').
module.exports = require('../../../agora.js').agoraToken.FpaTokenBuilder;
