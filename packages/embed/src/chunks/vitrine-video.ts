// Loaded by vitrine.js when <vitrine-video> first appears. Importing it defines the element; hls.js stays
// behind a further dynamic import until a stream must actually play.
import '@vitrine/elements/video.js';
export { setLocale, setStrings } from '@vitrine/elements/config.js';
