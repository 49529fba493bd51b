export type LogSink = (line: string) => void;

/** `options.log`: a function, `false` for silence, or the console by default. Every line gets our prefix. */
export function createLog(sink: LogSink | false | undefined): LogSink {
  if (sink === false) return () => {};
  const write = sink ?? console.log;
  return (line) => write(`[collector] ${line}`);
}

// Text from the network (event names, error messages quoting input) must not forge log lines or
// colour a terminal: control characters are escaped, long text is cut.
export function printable(text: string, maxLength: number): string {
  const short = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  return short.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
