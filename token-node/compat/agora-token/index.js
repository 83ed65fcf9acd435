'use strict';
// npm agora-token's index, here: require('agoratoken/agora-token').
module.exports = require('../../agora.js').agoraToken.index;
