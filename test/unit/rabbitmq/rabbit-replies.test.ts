import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RabbitMessage, RabbitSession } from '../../../lib/rabbitmq';
import { RabbitReplies } from '../../../lib/rabbitmq/rabbit-replies';

interface Published {
  on: string;
  exchange: string;
  routingKey: string;
  body: unknown;
  options: Record<string, unknown>;
}

/** A session whose publisher records what it is asked to publish, under `name`. */
function session(name: string, open: boolean, log: Published[]): RabbitSession {
  const publisher = {
    publish: async (exchange: string, routingKey: string, content: Buffer, options: Record<string, unknown>) => {
      log.push({ on: name, exchange, routingKey, body: JSON.parse(content.toString()), options });
    },
  };
  return { open, publisher } as unknown as RabbitSession;
}

const request = (from: RabbitSession, correlationId?: string): RabbitMessage => ({ session: from, correlationId } as RabbitMessage);

describe('RabbitReplies', () => {
  it('publishes through the default exchange to replyTo, with the request\'s correlationId, without mandatory', async () => {
    const log: Published[] = [];
    const live = session('live', true, log);
    const replies = new RabbitReplies(undefined, () => live);
    await replies.publishReply(request(live, 'corr-1'), 'amq.rabbitmq.reply-to.abc', { id: 'packet-1', response: { ok: true }, isDisposed: true });
    assert.deepEqual(log, [{ on: 'live', exchange: '', routingKey: 'amq.rabbitmq.reply-to.abc', body: { id: 'packet-1', response: { ok: true }, isDisposed: true }, options: { correlationId: 'corr-1' } }]);
  });

  it('falls back to the packet id without a correlationId; a packet\'s options go to the publish, not into the body', async () => {
    const log: Published[] = [];
    const live = session('live', true, log);
    const replies = new RabbitReplies(undefined, () => live);
    const packet = { id: 'packet-2', response: 1, options: { headers: { a: '1' } } };
    await replies.publishReply(request(live), 'amq.rabbitmq.reply-to.x', packet);
    assert.deepEqual(log[0].body, { id: 'packet-2', response: 1 });
    assert.deepEqual(log[0].options, { headers: { a: '1' }, correlationId: 'packet-2' });
  });

  it('replies on the live session after a reconnect, on the request\'s own while none is open', async () => {
    const log: Published[] = [];
    const old = session('old', false, log);
    let current: RabbitSession | undefined = session('new', true, log);
    const replies = new RabbitReplies(undefined, () => current);
    await replies.publishReply(request(old, 'c'), 'amq.rabbitmq.reply-to.a', { id: '1', response: 1 });
    current = undefined;
    await replies.publishReply(request(old, 'c'), 'amq.rabbitmq.reply-to.a', { id: '2', response: 2 });
    assert.deepEqual(log.map((entry) => entry.on), ['new', 'old']);
  });

  it('accepts direct reply-to by default; given replyAddresses replace it, and a bad entry fails at construction', () => {
    const defaults = new RabbitReplies(undefined, () => undefined);
    assert.equal(defaults.acceptsReplyAddress('amq.rabbitmq.reply-to.abc'), true);
    assert.equal(defaults.acceptsReplyAddress('orders'), false);
    const own = new RabbitReplies({ names: ['my.replies'] }, () => undefined);
    assert.equal(own.acceptsReplyAddress('my.replies'), true);
    assert.equal(own.acceptsReplyAddress('amq.rabbitmq.reply-to.abc'), false);
    assert.throws(() => new RabbitReplies({ prefixes: ['has space'] }, () => undefined), { code: 'ACK_INVALID_OPTION', message: /replyAddresses\.prefixes/ });
  });
});
