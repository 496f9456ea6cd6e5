import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { toNatsMessage, wireSize } from '../../../lib/nats/nats-message';

/** A delivery shaped as nats.js 3 builds it: the protocol line's sizes on `msg._msg`, headers parsed on first read. */
function delivery(data: Uint8Array, headerBytes: number, readHeaders: () => unknown): JsMsg {
  return {
    subject: 'orders.created',
    data,
    get headers() {
      return readHeaders();
    },
    info: { consumer: 'c', stream: 'S', streamSequence: 7, deliveryCount: 1 },
    msg: { _msg: { hdr: headerBytes, size: headerBytes + data.byteLength } },
  } as unknown as JsMsg;
}

describe('NATS message size (maxMessageBytes over headers and payload)', () => {
  it('size is the header and payload bytes of the protocol line', () => {
    const encoded = natsHeaders();
    encoded.set('x-filler', 'x'.repeat(100));
    const message = toNatsMessage(delivery(Buffer.from('{}'), 130, () => encoded));
    assert.equal(message.size, 132);
    assert.equal(message.headers['x-filler'], 'x'.repeat(100));
  });

  it('a message over the limit is measured without parsing its headers (no reply subject read either)', () => {
    const message = toNatsMessage(delivery(Buffer.from('{}'), 20_000_000, () => assert.fail('the headers were parsed')), 4096);
    assert.equal(message.size, 20_000_002);
    assert.deepEqual(message.headers, {});
    assert.equal(message.replyTo, undefined);
  });

  it('without the protocol line (another nats.js), size is left to the core', () => {
    assert.equal(wireSize({ data: new Uint8Array(3) } as unknown as JsMsg), undefined);
  });
});
