'use strict';
// npm agora-token/src/EducationTokenBuilder, here: require('agoratoken/agora-token/src/EducationTokenBuilder').
module.exports = require('../../../agora.js').agoraToken.EducationTokenBuilder;
