// Scenario 6's inputs per transport: what is put on the broker with its own driver, and what the
// contract says must come of it (a dead-letter reason after one delivery, or processed once).
import type { Driver, RawMessage } from './drivers';

export interface BadInput {
  key: string;
  message: RawMessage;
  /** A dead-letter reason, or 'processed' (a good body with odd headers: handled once, acked). */
  expect: string;
  id?: number;
  /** The handler ran once and succeeded, then the message was dead-lettered. */
  processedFirst?: boolean;
  /** A forged delivery count: the handler must see it as delivery 1. */
  firstDelivery?: boolean;
}

/** `maxMessageBytes` of the bad-input worker; the oversized inputs (body, headers) are twice that. */
export const BAD_INPUT_MAX_MESSAGE_BYTES = 64 * 1024;

/** Where the bad-input worker's request handler listens, per transport (`stream`: the scenario's). */
export function requestPattern(driver: Driver, stream: string): string {
  return driver.transport === 'kafka' || driver.transport === 'nats' || driver.transport === 'redis' ? `${stream}.req` : 'rel.request';
}

export function badInputs(driver: Driver, stream: string): BadInput[] {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const pattern = driver.pattern(stream);
  const invalidUtf8 = Buffer.concat([Buffer.from(`{"pattern":${JSON.stringify(pattern)},"data":{"id":"`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}')]);
  const item = (id: number) => json({ pattern, data: { id } });
  const oversized = json({ pattern, data: { id: 1_000_009, padding: 'x'.repeat(2 * BAD_INPUT_MAX_MESSAGE_BYTES) } });
  // Headers and body each under the limit, together over it (NATS refuses headers over 64 KiB anyway).
  const bigHeaders = { 'x-filler': 'x'.repeat(BAD_INPUT_MAX_MESSAGE_BYTES * 3 / 4) };
  const halfFull = (id: number) => ({ id, padding: 'x'.repeat(BAD_INPUT_MAX_MESSAGE_BYTES / 2) });
  // What a producer writes to steer the server (issue 26): reply addresses outside the allow-list, delivery
  // counts, headers past the size limit. Each row's body is its own, so a dead letter whose headers were
  // not decoded (over the limit) is still matched to its input by its bytes.
  const oversizedHeaders: BadInput = { key: `headers and body together over maxMessageBytes (${bigHeaders['x-filler'].length} + ${BAD_INPUT_MAX_MESSAGE_BYTES / 2} > ${BAD_INPUT_MAX_MESSAGE_BYTES}, each under it)`, message: { body: json({ pattern, data: halfFull(1_000_020) }), headers: bigHeaders }, expect: 'deserialization' };
  const forgedCount = (header: string, id: number): BadInput => ({ key: `forged ${header}: 1000 on a first delivery`, message: { body: item(id), headers: { [header]: '1000' } }, expect: 'processed', id, firstDelivery: true });
  const request = (id: number, correlation: string) => json({ pattern: requestPattern(driver, stream), data: { id }, id: correlation });
  switch (driver.transport) {
    case 'rabbitmq':
      return [
        { key: 'non-JSON body', message: { body: Buffer.from('hello, not json') }, expect: 'deserialization' },
        { key: 'empty body', message: { body: Buffer.alloc(0) }, expect: 'deserialization' },
        { key: 'invalid UTF-8', message: { body: invalidUtf8 }, expect: 'deserialization' },
        { key: 'JSON scalar', message: { body: json(42) }, expect: 'deserialization' },
        { key: 'JSON without pattern', message: { body: json({ data: { id: 1 } }) }, expect: 'deserialization' },
        { key: 'unknown pattern', message: { body: json({ pattern: 'rel.unknown', data: { id: 1 } }) }, expect: 'no-handler' },
        { key: 'data the handler refuses', message: { body: json({ pattern: 'rel.item', data: 'text' }) }, expect: 'handler-error' },
        { key: 'x-delivery-count not a number', message: { body: json({ pattern: 'rel.item', data: { id: 1_000_001 } }), headers: { 'x-delivery-count': 'abc' } }, expect: 'processed', id: 1_000_001 },
        { key: 'x-nestjs-ack-deliveries not a number', message: { body: json({ pattern: 'rel.item', data: { id: 1_000_002 } }), headers: { 'x-nestjs-ack-deliveries': '-7x' } }, expect: 'processed', id: 1_000_002 },
        { key: 'reply address outside replyAddresses (a queue of its own)', message: { body: json({ pattern: 'rel.request', data: { id: 1_000_003 }, id: 'corr-1' }), replyTo: `${stream}.nowhere`, correlationId: 'corr-1' }, expect: 'invalid-reply-address' },
        { key: 'reply address: the consumed queue itself', message: { body: json({ pattern: 'rel.request', data: { id: 1_000_004 }, id: 'corr-2' }), replyTo: stream, correlationId: 'corr-2' }, expect: 'invalid-reply-address' },
        { key: `body over maxMessageBytes (${oversized.length} > ${BAD_INPUT_MAX_MESSAGE_BYTES})`, message: { body: oversized }, expect: 'deserialization' },
        oversizedHeaders,
        forgedCount('x-delivery-count', 1_000_005),
        forgedCount('x-nestjs-ack-deliveries', 1_000_006),
        // One queue carries many patterns: the body picks the handler there; queue permissions are the boundary.
        { key: 'body naming another pattern (routed by it: one queue, many patterns)', message: { body: json({ pattern: 'rel.request', data: { id: 1_000_007 } }) }, expect: 'processed', id: 1_000_007 },
      ];
    case 'kafka':
      return [
        { key: 'non-JSON body starting with {', message: { body: Buffer.from('{hello, not json') }, expect: 'deserialization' },
        { key: 'invalid UTF-8', message: { body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }, expect: 'deserialization' },
        { key: 'plain text (Nest passes it as a string)', message: { body: Buffer.from('hello') }, expect: 'handler-error' },
        { key: 'empty body', message: { body: Buffer.alloc(0) }, expect: 'handler-error' },
        { key: 'null value (tombstone)', message: { body: null }, expect: 'handler-error' },
        { key: 'JSON scalar', message: { body: json(42) }, expect: 'handler-error' },
        { key: 'JSON without an id', message: { body: json({ pattern: 'x' }) }, expect: 'handler-error' },
        { key: 'unknown pattern (topic without handler)', message: { body: json({ id: 1 }), topic: `${stream}.other` }, expect: 'no-handler' },
        { key: 'request: kafka_replyPartition not a number', message: { body: json({ id: 1_000_001 }), topic: `${stream}.req`, headers: { kafka_correlationId: 'c1', kafka_replyTopic: `${stream}.req.reply`, kafka_replyPartition: 'abc' } }, expect: 'processed', id: 1_000_001 },
        { key: 'request: reply topic that cannot be a topic name', message: { body: json({ id: 1_000_002 }), topic: `${stream}.req`, headers: { kafka_correlationId: 'c2', kafka_replyTopic: 'no such topic!' } }, expect: 'invalid-reply-address' },
        { key: 'request: reply topic outside replyAddresses (the consumed topic itself)', message: { body: json({ id: 1_000_004 }), topic: `${stream}.req`, headers: { kafka_correlationId: 'c4', kafka_replyTopic: stream } }, expect: 'invalid-reply-address' },
        { key: 'event with reply headers', message: { body: json({ id: 1_000_003 }), headers: { kafka_correlationId: 'c3', kafka_replyTopic: 'no such topic!' } }, expect: 'processed', id: 1_000_003 },
        { key: `body over maxMessageBytes (${oversized.length} > ${BAD_INPUT_MAX_MESSAGE_BYTES})`, message: { body: json({ id: 1_000_009, padding: 'x'.repeat(2 * BAD_INPUT_MAX_MESSAGE_BYTES) }) }, expect: 'deserialization' },
        { ...oversizedHeaders, message: { body: json(halfFull(1_000_020)), headers: bigHeaders } },
        { ...forgedCount('x-delivery-count', 1_000_005), message: { body: json({ id: 1_000_005 }), headers: { 'x-delivery-count': '1000' } } },
        // The topic is the pattern: a body naming another is data to the topic's handler (here: not an item).
        { key: 'body naming another pattern (the topic decides: it is data)', message: { body: json({ pattern: `${stream}.req`, data: { id: 1_000_007 } }) }, expect: 'handler-error' },
      ];
    default:
      break;
  }
  // NATS, Redis, PostgreSQL: Nest's JSON packet { pattern, data, id? } in the body.
  const common: BadInput[] = [
    { key: 'non-JSON body', message: { body: Buffer.from('hello, not json') }, expect: 'deserialization' },
    { key: 'empty body', message: { body: Buffer.alloc(0) }, expect: 'deserialization' },
    { key: 'invalid UTF-8', message: { body: invalidUtf8 }, expect: 'deserialization' },
    { key: 'JSON without pattern', message: { body: json({ data: { id: 1 } }) }, expect: 'deserialization' },
    // NATS and Redis: the subject / stream picks the handler, so a body naming a pattern it does not serve is refused as such.
    { key: 'unknown pattern', message: { body: json({ pattern: 'rel.unknown', data: { id: 1 } }) }, expect: driver.transport === 'postgres' ? 'no-handler' : 'pattern-mismatch' },
    { key: 'data the handler refuses', message: { body: json({ pattern, data: 'text' }) }, expect: 'handler-error' },
    { key: `body over maxMessageBytes (${oversized.length} > ${BAD_INPUT_MAX_MESSAGE_BYTES})`, message: { body: oversized }, expect: 'deserialization' },
    oversizedHeaders,
  ];
  switch (driver.transport) {
    case 'nats':
      return [
        ...common,
        { key: 'JSON scalar', message: { body: json(42) }, expect: 'deserialization' },
        { key: 'x-delivery-count header not a number (JetStream counts deliveries)', message: { body: item(1_000_001), headers: { 'x-delivery-count': 'abc' } }, expect: 'processed', id: 1_000_001 },
        { key: 'empty reply header on an event', message: { body: item(1_000_002), replyTo: '' }, expect: 'processed', id: 1_000_002 },
        { key: 'reply address to nowhere (an inbox nobody listens on)', message: { body: request(1_000_003, 'corr-1'), topic: requestPattern(driver, stream), replyTo: `_INBOX.nowhere.${stream}` }, expect: 'processed', id: 1_000_003 },
        { key: 'reply address: a JetStream API subject ($JS.API.STREAM.PURGE)', message: { body: request(1_000_004, 'corr-2'), topic: requestPattern(driver, stream), replyTo: `$JS.API.STREAM.PURGE.${stream}` }, expect: 'invalid-reply-address' },
        { key: 'reply address with a wildcard', message: { body: request(1_000_005, 'corr-3'), topic: requestPattern(driver, stream), replyTo: '_INBOX.>' }, expect: 'invalid-reply-address' },
        { ...forgedCount('x-delivery-count', 1_000_006), key: 'forged x-delivery-count: 1000 (JetStream counts deliveries)' },
        { key: 'body naming another pattern than its subject', message: { body: json({ pattern: requestPattern(driver, stream), data: { id: 1_000_007 } }) }, expect: 'pattern-mismatch' },
      ];
    case 'redis':
      return [
        ...common,
        { key: 'JSON scalar', message: { body: json(42) }, expect: 'deserialization' },
        { key: 'entry without a body field', message: { body: null, fields: { other: 'x', 'x-rel-input': 'entry without a body field' } }, expect: 'deserialization' },
        { key: 'headers field not JSON', message: { body: null, fields: { body: item(1_000_001), headers: '{not json' } }, expect: 'processed', id: 1_000_001 },
        { key: 'headers field a JSON array', message: { body: null, fields: { body: item(1_000_002), headers: '[1,2]' } }, expect: 'processed', id: 1_000_002 },
        { key: 'reply address outside replyAddresses (a key of its own)', message: { body: request(1_000_003, 'corr-1'), topic: requestPattern(driver, stream), replyTo: `${stream}.nowhere`, correlationId: 'corr-1' }, expect: 'invalid-reply-address' },
        { key: 'reply address: the consumed stream itself', message: { body: request(1_000_004, 'corr-2'), topic: requestPattern(driver, stream), replyTo: stream, correlationId: 'corr-2' }, expect: 'invalid-reply-address' },
        { ...forgedCount('x-delivery-count', 1_000_005), key: 'forged x-delivery-count header: 1000 (the pending list counts deliveries)' },
        { key: 'body naming another pattern than its stream', message: { body: json({ pattern: requestPattern(driver, stream), data: { id: 1_000_007 } }) }, expect: 'pattern-mismatch' },
      ];
    default:
      // PostgreSQL: the row's pattern column is the channel Nest's deserializer falls back to.
      return [
        ...common,
        { key: 'JSON scalar (pattern column: the data)', message: { body: json(42) }, expect: 'handler-error' },
        { key: 'JSON scalar, pattern column null', message: { body: json(42), rowPattern: null }, expect: 'deserialization' },
        { key: 'headers column a JSON array', message: { body: item(1_000_001), rowHeaders: [1, 2] }, expect: 'processed', id: 1_000_001 },
        { key: 'header values not strings', message: { body: item(1_000_002), rowHeaders: { 'x-delivery-count': { n: 'abc' }, attempts: -7 } }, expect: 'processed', id: 1_000_002 },
        { key: 'reply address outside replyAddresses (a channel of its own)', message: { body: request(1_000_003, 'corr-1'), replyTo: `${stream}.nowhere`, correlationId: 'corr-1' }, expect: 'invalid-reply-address' },
        { key: 'reply address: another client\'s shape with a quote', message: { body: request(1_000_004, 'corr-2'), replyTo: 'nestjs_ack_reply_x"; LISTEN y', correlationId: 'corr-2' }, expect: 'invalid-reply-address' },
        { ...forgedCount('x-delivery-count', 1_000_005), key: 'forged x-delivery-count header: 1000 (attempts counts claims; producers get no grant on it)' },
        // One table queue carries many patterns: the pattern column picks the handler; grants are the boundary.
        { key: 'body naming another pattern (routed by it: one queue, many patterns)', message: { body: json({ pattern: 'rel.request', data: { id: 1_000_007 } }) }, expect: 'processed', id: 1_000_007 },
      ];
  }
}
