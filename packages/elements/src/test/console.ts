/**
 * The `[vitrine]` lines the page logs from now on (other console output passes through); `stop()` restores the
 * console. Vitrine logs a given message once per page, so a test that counts lines needs a message of its own.
 */
export function captureConsole(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const original = { warn: console.warn, error: console.error };
  for (const level of ['warn', 'error'] as const) {
    console[level] = (...args: unknown[]) => {
      if (String(args[0]).startsWith('[vitrine]')) lines.push(String(args[0]));
      else original[level](...args);
    };
  }
  return { lines, stop: () => Object.assign(console, original) };
}
