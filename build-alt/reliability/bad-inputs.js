"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BAD_INPUT_MAX_BODY_BYTES = void 0;
exports.requestPattern = requestPattern;
exports.badInputs = badInputs;
/** `maxBodyBytes` of the bad-input worker; the oversized input is twice that, otherwise a good item. */
exports.BAD_INPUT_MAX_BODY_BYTES = 64 * 1024;
/** Where the bad-input worker's request handler listens, per transport (`stream`: the scenario's). */
function requestPattern(driver, stream) {
    return driver.transport === 'kafka' || driver.transport === 'nats' || driver.transport === 'redis' ? `${stream}.req` : 'rel.request';
}
function badInputs(driver, stream) {
    const json = (value) => Buffer.from(JSON.stringify(value));
    const pattern = driver.pattern(stream);
    const invalidUtf8 = Buffer.concat([Buffer.from(`{"pattern":${JSON.stringify(pattern)},"data":{"id":"`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}')]);
    const oversized = json({ pattern, data: { id: 1_000_009, padding: 'x'.repeat(2 * exports.BAD_INPUT_MAX_BODY_BYTES) } });
    const item = (id) => json({ pattern, data: { id } });
    const request = (id, correlation) => json({ pattern: requestPattern(driver, stream), data: { id }, id: correlation });
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
                { key: 'reply address to nowhere', message: { body: json({ pattern: 'rel.request', data: { id: 1_000_003 }, id: 'corr-1' }), replyTo: `${stream}.nowhere`, correlationId: 'corr-1' }, expect: 'processed', id: 1_000_003 },
                { key: `body over maxBodyBytes (${oversized.length} > ${exports.BAD_INPUT_MAX_BODY_BYTES})`, message: { body: oversized }, expect: 'deserialization' },
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
                { key: 'request: kafka_replyPartition not a number', message: { body: json({ id: 1_000_001 }), topic: `${stream}.req`, headers: { kafka_correlationId: 'c1', kafka_replyTopic: `${stream}.replies`, kafka_replyPartition: 'abc' } }, expect: 'processed', id: 1_000_001 },
                { key: 'request: reply topic that cannot exist', message: { body: json({ id: 1_000_002 }), topic: `${stream}.req`, headers: { kafka_correlationId: 'c2', kafka_replyTopic: 'no such topic!' } }, expect: 'handler-error', id: 1_000_002, processedFirst: true },
                { key: 'event with reply headers', message: { body: json({ id: 1_000_003 }), headers: { kafka_correlationId: 'c3', kafka_replyTopic: 'no such topic!' } }, expect: 'processed', id: 1_000_003 },
            ];
        default:
            break;
    }
    // NATS, Redis, PostgreSQL: Nest's JSON packet { pattern, data, id? } in the body.
    const common = [
        { key: 'non-JSON body', message: { body: Buffer.from('hello, not json') }, expect: 'deserialization' },
        { key: 'empty body', message: { body: Buffer.alloc(0) }, expect: 'deserialization' },
        { key: 'invalid UTF-8', message: { body: invalidUtf8 }, expect: 'deserialization' },
        { key: 'JSON without pattern', message: { body: json({ data: { id: 1 } }) }, expect: 'deserialization' },
        { key: 'unknown pattern', message: { body: json({ pattern: 'rel.unknown', data: { id: 1 } }) }, expect: 'no-handler' },
        { key: 'data the handler refuses', message: { body: json({ pattern, data: 'text' }) }, expect: 'handler-error' },
        { key: `body over maxBodyBytes (${oversized.length} > ${exports.BAD_INPUT_MAX_BODY_BYTES})`, message: { body: oversized }, expect: 'deserialization' },
    ];
    switch (driver.transport) {
        case 'nats':
            return [
                ...common,
                { key: 'JSON scalar', message: { body: json(42) }, expect: 'deserialization' },
                { key: 'x-delivery-count header not a number (JetStream counts deliveries)', message: { body: item(1_000_001), headers: { 'x-delivery-count': 'abc' } }, expect: 'processed', id: 1_000_001 },
                { key: 'empty reply header on an event', message: { body: item(1_000_002), replyTo: '' }, expect: 'processed', id: 1_000_002 },
                { key: 'reply address to nowhere', message: { body: request(1_000_003, 'corr-1'), topic: requestPattern(driver, stream), replyTo: `_INBOX.nowhere.${stream}` }, expect: 'processed', id: 1_000_003 },
            ];
        case 'redis':
            return [
                ...common,
                { key: 'JSON scalar', message: { body: json(42) }, expect: 'deserialization' },
                { key: 'entry without a body field', message: { body: null, fields: { other: 'x', 'x-rel-input': 'entry without a body field' } }, expect: 'deserialization' },
                { key: 'headers field not JSON', message: { body: null, fields: { body: item(1_000_001), headers: '{not json' } }, expect: 'processed', id: 1_000_001 },
                { key: 'headers field a JSON array', message: { body: null, fields: { body: item(1_000_002), headers: '[1,2]' } }, expect: 'processed', id: 1_000_002 },
                { key: 'reply address to nowhere', message: { body: request(1_000_003, 'corr-1'), topic: requestPattern(driver, stream), replyTo: `${stream}.nowhere`, correlationId: 'corr-1' }, expect: 'processed', id: 1_000_003 },
            ];
        default:
            // PostgreSQL: the row's pattern column is the channel Nest's deserializer falls back to.
            return [
                ...common,
                { key: 'JSON scalar (pattern column: the data)', message: { body: json(42) }, expect: 'handler-error' },
                { key: 'JSON scalar, pattern column null', message: { body: json(42), rowPattern: null }, expect: 'deserialization' },
                { key: 'headers column a JSON array', message: { body: item(1_000_001), rowHeaders: [1, 2] }, expect: 'processed', id: 1_000_001 },
                { key: 'header values not strings', message: { body: item(1_000_002), rowHeaders: { 'x-delivery-count': { n: 'abc' }, attempts: -7 } }, expect: 'processed', id: 1_000_002 },
                { key: 'reply address to nowhere', message: { body: request(1_000_003, 'corr-1'), replyTo: `${stream}.nowhere`, correlationId: 'corr-1' }, expect: 'processed', id: 1_000_003 },
            ];
    }
}
//# sourceMappingURL=bad-inputs.js.map