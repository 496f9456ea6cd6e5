import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import type { ConnectionClosedError } from '../../lib/core/errors';
import { RabbitAckClient } from '../../lib/rabbitmq';
import { deleteRabbitTopology, outstandingIn, RABBITMQ_URL, withRabbit } from '../support/rabbit-broker';
import { uniqueName } from '../support/names';
import { assertRequestAbandoned } from '../support/request-abandoned';
import { rejectionWithin, waitFor } from '../support/wait-for';

/** How long a pending `send()` may take to fail once `close()` was called. */
const PROMPT_MS = 2_000;

/** Resolves with the error `promise` rejects with, or fails when it is still pending `ms` after now. */
/** A queue nobody consumes: a request published there is never answered. */
async function declareQueue(queue: string): Promise<void> {
  await withRabbit(async (model) => {
    const channel = await model.createChannel();
    await channel.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await channel.close();
  });
}

describe('RabbitAckClient.close() with requests waiting for replies', { timeout: 60_000 }, () => {
  const queues: string[] = [];
  after(async () => {
    for (const queue of queues) await deleteRabbitTopology(queue);
  });

  it('a send() whose request is in the queue, with no server to answer, fails promptly at close() with RequestAbandonedError', async () => {
    const queue = uniqueName('close.pending');
    queues.push(queue);
    await declareQueue(queue);
    const client = new RabbitAckClient({ urls: RABBITMQ_URL, queue });
    try {
      const reply = lastValueFrom(client.send('close.pending', { n: 1 }));
      reply.catch(() => undefined);
      await waitFor(async () => (await outstandingIn(queue)) === 1, { timeoutMs: 20_000, message: 'the request in the queue' });
      const closing = client.close();
      const error = await rejectionWithin(reply, PROMPT_MS);
      assertRequestAbandoned(error);
      await closing;
      assert.equal(client.unwrap(), undefined, 'the connection closed');
    } finally {
      await client.close();
    }
  });

  it('a send() closed while the client connects fails at once, and its request is never published', async () => {
    const queue = uniqueName('close.connecting');
    queues.push(queue);
    await declareQueue(queue);
    const client = new RabbitAckClient({ urls: RABBITMQ_URL, queue });
    try {
      const reply = lastValueFrom(client.send('close.connecting', { n: 1 }));
      reply.catch(() => undefined);
      const closing = client.close();
      const error = await rejectionWithin(reply, PROMPT_MS);
      // Nest's send() connects before it registers the request: the connect under way is what fails.
      assert.equal(error.name, 'ConnectionClosedError');
      assert.equal((error as ConnectionClosedError).code, 'ACK_CONNECTION_CLOSED');
      assert.match(error.message, /closed while/);
      await closing;
      // The connect under way was closed with the client: a later send() connects afresh, so the queue tells.
      const late = new RabbitAckClient({ urls: RABBITMQ_URL, queue });
      await lastValueFrom(late.emit('close.marker', {}), { defaultValue: undefined });
      await late.close();
      assert.equal(await outstandingIn(queue), 1, 'only the marker published after close()');
    } finally {
      await client.close();
    }
  });
});
