/** Longest part of a message-carried value a log line or an error shows. */
const SHOWN_CHARS = 64;

/**
 * A value a message carried (pattern, reply address, header), quoted for a log
 * line: at most 64 characters, control characters escaped, so a producer can
 * neither flood the log nor forge lines in it.
 */
export function quoteUntrusted(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const shown = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}...(${text.length} chars)` : text;
  return JSON.stringify(shown);
}
