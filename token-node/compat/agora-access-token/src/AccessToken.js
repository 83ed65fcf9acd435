'use strict';
// npm agora-access-token/src/AccessToken, here: require('agoratoken/agora-access-token/src/AccessToken').
module.exports = require('../../../agora.js').agoraAccessToken.AccessToken;
