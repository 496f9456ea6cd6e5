import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toRedisMessage } from '../../../lib/redis/redis-message';
import { fieldMap, headersOf } from '../../../lib/redis/redis-wire';

describe('Redis entry fields', () => {
  it('a flat reply becomes a map; bodies stay bytes', () => {
    const body = Buffer.from([0x7b, 0xff, 0x7d]);
    const fields = fieldMap([Buffer.from('body'), body, Buffer.from('replyTo'), Buffer.from('r1')]);
    assert.ok(fields.get('body')!.equals(body));
    assert.equal(fieldMap(null).size, 0);
  });

  it('headers: a JSON object of strings; anything else is no headers', () => {
    assert.deepEqual(headersOf(new Map([['headers', Buffer.from('{"a":"1","b":2}')]])), { a: '1', b: '2' });
    assert.deepEqual(headersOf(new Map([['headers', Buffer.from('[1]')]])), {});
    assert.deepEqual(headersOf(new Map([['headers', Buffer.from('{not json')]])), {});
  });

  it('a delivery carries its stream, id, group, reply address and a key stable across redeliveries', () => {
    const flat = [Buffer.from('body'), Buffer.from('{}'), Buffer.from('replyTo'), Buffer.from('list'), Buffer.from('correlationId'), Buffer.from('c1')];
    const message = toRedisMessage('orders', '1-0', flat, 'g', 3);
    assert.deepEqual(message.source, { stream: 'orders', id: '1-0', group: 'g' });
    assert.equal(message.key, 'orders/1-0');
    assert.equal(message.deliveryCount, 3);
    assert.equal(message.replyTo, 'list');
    assert.equal(message.correlationId, 'c1');
    assert.equal(message.size, 4 + 2 + 7 + 4 + 13 + 2, 'every field name and value, in raw bytes');
  });

  it('an entry over maxMessageBytes: measured on its raw fields, headers never parsed, no reply address read', () => {
    // The headers field is not even JSON: only its raw size can tell it is there.
    const flat = [Buffer.from('body'), Buffer.from('{"pattern":"p","data":1}'), Buffer.from('headers'), Buffer.alloc(5000, 'x'), Buffer.from('replyTo'), Buffer.from('nestjs-ack:reply:1')];
    const over = toRedisMessage('p', '1-0', flat, 'g', 1, 4096);
    assert.ok(over.size! > 5000);
    assert.deepEqual(over.headers, {});
    assert.equal(over.replyTo, undefined);
    assert.equal(over.fields.size, 3, 'every field kept for the dead letter');
    const json = [Buffer.from('body'), Buffer.from('{}'), Buffer.from('headers'), Buffer.from(JSON.stringify({ h: 'x'.repeat(5000) }))];
    assert.deepEqual(toRedisMessage('p', '1-0', json, 'g', 1, 4096).headers, {}, 'a valid headers field over the limit is not parsed either');
    assert.equal(toRedisMessage('p', '1-0', json, 'g', 1, 16_384).headers.h.length, 5000, 'under the limit it is');
  });
});
