// `tap`, `swipe` and `touch-screen` commands for browser tests: real touches at points of the page, through the DevTools protocol, so
// the page sees what a phone sends (pointerdown and click with pointerType "touch", no pointer move before them; a
// swipe is a finger moved in steps, which the browser turns into scrolling as it would on a phone).
/** DevTools sessions keeping a page on a touch screen: an emulation ends with the session that set it. */
const touchScreens = new WeakMap();

/** `{ enabled }`: the page is on a touch screen, so it matches (hover: none) and (pointer: coarse) as a phone does. */
async function touchScreen(page, enabled) {
  let cdp = touchScreens.get(page);
  if (enabled && !cdp) {
    cdp = await page.context().newCDPSession(page);
    touchScreens.set(page, cdp);
  }
  if (!cdp) return true;
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled, maxTouchPoints: 1 });
  if (!enabled) {
    touchScreens.delete(page);
    await cdp.detach();
  }
  return true;
}

export function touchCommandPlugin() {
  return {
    name: 'touch-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'tap' && command !== 'swipe' && command !== 'touch-screen') return undefined;
      const page = session.browser.getPage(session.id);
      if (command === 'touch-screen') return touchScreen(page, payload.enabled);
      const cdp = await page.context().newCDPSession(page);
      const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
      try {
        if (command === 'tap') {
          await touch('touchStart', payload.x, payload.y);
        } else {
          // { from: [x, y], to: [x, y], steps? }: a steady finger, one move per frame, held still before it lifts so
          // no fling carries on afterwards (a fling would move the page further and swallow the next tap).
          const { from, to, steps = 10 } = payload;
          const frame = () => new Promise((resolve) => setTimeout(resolve, 16));
          await touch('touchStart', from[0], from[1]);
          for (let step = 1; step <= steps; step++) {
            await touch('touchMove', from[0] + ((to[0] - from[0]) * step) / steps, from[1] + ((to[1] - from[1]) * step) / steps);
            await frame();
          }
          for (let still = 0; still < 6; still++) {
            await touch('touchMove', to[0], to[1]);
            await frame();
          }
        }
        await touch('touchEnd');
      } finally {
        await cdp.detach();
      }
      return true;
    },
  };
}
