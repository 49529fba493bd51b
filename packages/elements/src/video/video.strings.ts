import type { StringTable } from '../internal/strings.js';

/** The player's own strings; only the video's chunks carry them. */
export const videoEn = {
  videoPlayer: 'Video player',
  loadingVideo: 'Loading video…',
  noVideo: 'No video to show.',
  videoError: "This video can't be played right now.",
  playVideo: 'Play video',
  play: 'Play',
  pause: 'Pause',
  mute: 'Mute',
  unmute: 'Unmute',
  seek: 'Seek',
  timeOf: '{time} of {total}',
  captions: 'Captions',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  productCountOne: '1 product',
  productCount: '{count} products',
  productsButton: 'Products ({count})',
  productsInVideo: 'Products in this video',
  close: 'Close',
  jumpTo: 'Jump to {time}',
  inTheVideo: 'In the video: {products}',
};

export type VideoStrings = typeof videoEn;

export const videoDe: VideoStrings = {
  videoPlayer: 'Videoplayer',
  loadingVideo: 'Video wird geladen…',
  noVideo: 'Kein Video vorhanden.',
  videoError: 'Dieses Video kann gerade nicht abgespielt werden.',
  playVideo: 'Video abspielen',
  play: 'Abspielen',
  pause: 'Pausieren',
  mute: 'Ton aus',
  unmute: 'Ton an',
  seek: 'Wiedergabeposition',
  timeOf: '{time} von {total}',
  captions: 'Untertitel',
  fullscreen: 'Vollbild',
  exitFullscreen: 'Vollbild beenden',
  productCountOne: '1 Produkt',
  productCount: '{count} Produkte',
  productsButton: 'Produkte ({count})',
  productsInVideo: 'Produkte in diesem Video',
  close: 'Schließen',
  jumpTo: 'Zu {time} springen',
  inTheVideo: 'Im Video: {products}',
};

export const videoStrings: StringTable<VideoStrings> = { en: videoEn, de: videoDe };
