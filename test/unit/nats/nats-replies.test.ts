import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NatsConnection } from '@nats-io/transport-node';
import { ReplyAddressAllowList } from '../../../lib/core/reply-address-allow-list';
import { NatsReplies } from '../../../lib/nats/nats-replies';
import { NATS_REPLY_ADDRESSES } from '../../../lib/nats/nats-reply-addresses';
import { featuresOf } from '../../../lib/nats/nats-version';
import type { NatsMessage } from '../../../lib/nats/nats-message';

function replies(connection: Partial<NatsConnection> | undefined): NatsReplies {
  const link = { connection: connection as NatsConnection | undefined, features: featuresOf('2.11.0') };
  return new NatsReplies(link, new ReplyAddressAllowList('replyAddresses', undefined, NATS_REPLY_ADDRESSES));
}

const message = {} as NatsMessage;

describe('NatsReplies', () => {
  it('publishes the reply packet without its options to the reply subject', async () => {
    const published: [string, string][] = [];
    const connection = { isClosed: () => false, publish: (subject: string, body: string) => void published.push([subject, body]) };
    await replies(connection as never).publishReply(message, '_INBOX.abc', { id: '1', response: 6, isDisposed: true, options: { x: 1 } } as never);
    assert.deepEqual(published, [['_INBOX.abc', JSON.stringify({ id: '1', response: 6, isDisposed: true })]]);
  });

  it('accepts inboxes only; refuses anything else before publishing (ReplyAddressRefusedError)', async () => {
    const published: string[] = [];
    const sut = replies({ isClosed: () => false, publish: (subject: string) => void published.push(subject) } as never);
    assert.equal(sut.acceptsReplyAddress('_INBOX.abc'), true);
    assert.equal(sut.acceptsReplyAddress('$JS.API.STREAM.DELETE.S'), false);
    await assert.rejects(sut.publishReply(message, 'orders.created', { id: '1', response: 1 }), { name: 'ReplyAddressRefusedError', code: 'ACK_REPLY_ADDRESS_REFUSED' });
    assert.deepEqual(published, []);
  });

  it('a closed or missing connection: ConnectionClosedError', async () => {
    for (const connection of [undefined, { isClosed: () => true }]) {
      await assert.rejects(replies(connection as never).publishReply(message, '_INBOX.abc', { id: '1', response: 1 }), { name: 'ConnectionClosedError', code: 'ACK_CONNECTION_CLOSED' });
    }
  });
});
