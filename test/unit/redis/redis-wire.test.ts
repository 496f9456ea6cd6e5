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
    const fields = fieldMap([Buffer.from('body'), Buffer.from('{}'), Buffer.from('replyTo'), Buffer.from('list'), Buffer.from('correlationId'), Buffer.from('c1')]);
    const message = toRedisMessage('orders', '1-0', fields, 'g', 3);
    assert.deepEqual(message.source, { stream: 'orders', id: '1-0', group: 'g' });
    assert.equal(message.key, 'orders/1-0');
    assert.equal(message.deliveryCount, 3);
    assert.equal(message.replyTo, 'list');
    assert.equal(message.correlationId, 'c1');
  });
});
