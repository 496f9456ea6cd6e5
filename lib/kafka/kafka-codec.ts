/**
 * How a Kafka value becomes handler data, as Nest's `KafkaParser` does it, so
 * that messages of Nest's `ClientKafka` are read as Nest reads them:
 * a value starting with `{` or `[` is JSON (and undecodable when it does not
 * parse: rejected with reason `deserialization`), a value starting with a zero
 * byte (schema-registry framing) stays a Buffer, any other value is JSON when
 * it parses (numbers, quoted strings, booleans, null) and otherwise the UTF-8
 * string, and a null value (tombstone) is null.
 */
export function decodeValue(value: Buffer | null): unknown {
  if (value === null || value.length === 0) return value === null ? null : '';
  if (value[0] === 0) return value;
  const text = value.toString('utf8');
  const first = text.trimStart().charAt(0);
  if (first === '{' || first === '[') return JSON.parse(text); // throws: undecodable
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** How data becomes a Kafka value, as Nest's `KafkaRequestSerializer` encodes it. */
export function encodeValue(data: unknown): Buffer | string | null {
  if (data === undefined || data === null) return null;
  if (typeof data === 'string' || Buffer.isBuffer(data)) return data;
  return JSON.stringify(data);
}
