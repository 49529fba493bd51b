/**
 * Holds the next timer of exactly `ms` that the code under test sets, until the test calls `fire()`: a long timeout
 * is tested without the wait. Other timers run as usual.
 */
export function holdTimer(ms: number): { fire(): void; restore(): void } {
  const original = window.setTimeout;
  let held: (() => void) | undefined;
  const restore = () => void (window.setTimeout = original);
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (delay !== ms || held) return original(handler, delay, ...args);
    held = () => (handler as (...values: unknown[]) => void)(...args);
    restore();
    return 0;
  }) as typeof window.setTimeout;
  return {
    fire() {
      restore();
      if (!held) throw new Error(`no timer of ${ms} ms was set`);
      held();
    },
    restore,
  };
}
