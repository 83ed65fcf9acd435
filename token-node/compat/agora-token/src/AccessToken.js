'use strict';
// npm agora-token/src/AccessToken, here: require('agoratoken/agora-token/src/AccessToken').
module.exports = require('../../../agora.js').agoraToken.AccessToken;
