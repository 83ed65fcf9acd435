'use strict';
// npm agora-token/src/AccessToken2, here: require('agoratoken/agora-token/src/AccessToken2').
module.exports = require('../../../agora.js').agoraToken.AccessToken2;
