'use strict';
// npm agora-access-token's index, here: require('agoratoken/agora-access-token').
module.exports = require('../../agora.js').agoraAccessToken.index;
