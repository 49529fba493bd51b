const PREFIX = '[vitrine]';
const issued = new Set<string>();

/** One prefixed console line; the same message is logged once per page so a broken feed does not flood the console. */
export function logOnce(level: 'warn' | 'error', message: string): void {
  if (issued.has(message)) return;
  issued.add(message);
  console[level](`${PREFIX} ${message}`);
}
