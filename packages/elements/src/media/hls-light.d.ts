// hls.js ships no declarations for its light build, which has the same API minus some features.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
