/**
 * Field names of a stream entry written by `RedisAckClient` and read by
 * `RedisAckServer`. The body is Nest's JSON packet `{ pattern, data, id? }`.
 */
export const RedisFields = {
  /** Nest's packet as JSON bytes. */
  BODY: 'body',
  /** The headers as a JSON object of strings. */
  HEADERS: 'headers',
  /** The list a request's reply is pushed to. */
  REPLY_TO: 'replyTo',
  /** The request's id, echoed on the reply. */
  CORRELATION_ID: 'correlationId',
} as const;

/** Fields of one entry, by name; values are kept as bytes (bodies may be any bytes). */
export type EntryFields = Map<string, Buffer>;

/**
 * Bytes of an entry as Redis sent it: every field name and value, counted
 * before anything is decoded (what `maxMessageBytes` is checked against).
 */
export function entryBytes(flat: Buffer[] | null | undefined): number {
  let size = 0;
  for (const part of flat ?? []) size += part.length;
  return size;
}

/** Turns the flat `[name, value, name, value...]` reply of Redis into a map. */
export function fieldMap(flat: Buffer[] | null | undefined): EntryFields {
  const fields: EntryFields = new Map();
  if (!flat) return fields;
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i].toString('utf8'), flat[i + 1]);
  return fields;
}

/** The headers field as strings; an entry without (or with unreadable) headers has none. */
export function headersOf(fields: EntryFields): Record<string, string> {
  const raw = fields.get(RedisFields.HEADERS);
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}
