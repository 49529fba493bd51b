/** Arrow keys move this many seconds. */
export const SEEK_STEP = 5;

export type KeyAction = 'toggle-play' | 'toggle-mute' | 'back' | 'forward' | 'close-tray';

/**
 * The player's keyboard shortcuts while focus is inside it: Space or K play/pause, M mute, ← → seek, Escape closes
 * the tray. Space on a button or link keeps its own meaning (pressing it); modified keys belong to the browser.
 * On a right-to-left page the seek bar runs from the right, so ← goes forward: an arrow moves the thumb its way.
 */
export function keyAction(event: KeyboardEvent, trayOpen: boolean, rtl?: boolean): KeyAction | undefined {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const target = event.composedPath()[0];
  const onControl = target instanceof Element && target.closest('button, a') !== null;
  switch (event.key) {
    case 'Escape':
      return trayOpen ? 'close-tray' : undefined;
    case ' ':
      return onControl ? undefined : 'toggle-play';
    case 'k':
    case 'K':
      return 'toggle-play';
    case 'm':
    case 'M':
      return 'toggle-mute';
    case rtl ? 'ArrowRight' : 'ArrowLeft':
      return 'back';
    case rtl ? 'ArrowLeft' : 'ArrowRight':
      return 'forward';
    default:
      return undefined;
  }
}
