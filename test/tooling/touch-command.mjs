// A `tap` command for browser tests: a real touch at a point of the page, through the DevTools protocol, so the page
// sees what a phone sends (pointerdown and click with pointerType "touch", no pointer move before them).
export function touchCommandPlugin() {
  return {
    name: 'touch-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'tap') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: payload.x, y: payload.y }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      } finally {
        await cdp.detach();
      }
      return true;
    },
  };
}
