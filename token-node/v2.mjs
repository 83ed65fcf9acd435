// ESM entry point of agoratoken/v2: the same objects as the CommonJS one
// (v2.js lists every export by name, which Node's ESM loader reads).
export * from './v2.js';
export { default } from './v2.js';
