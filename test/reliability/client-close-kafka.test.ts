import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import type { ConnectionClosedError } from '../../lib/core/errors';
import { closeSharedAdmin, createTopic, deleteTopicsAndGroups, endOffsetTotal, testClient } from '../support/kafka-broker';
import { uniqueName } from '../support/names';
import { assertRequestAbandoned } from '../support/request-abandoned';
import { rejectionWithin, waitFor } from '../support/wait-for';

after(() => closeSharedAdmin());

/** How long a pending `send()` may take to fail once `close()` was called. */
const PROMPT_MS = 2_000;

/** Resolves with the error `promise` rejects with, or fails when it is still pending `ms` after now. */
describe('KafkaAckClient.close() with requests waiting for replies', { timeout: 60_000 }, () => {
  it('a send() whose request is on the topic, with no server to answer, fails promptly at close() with a clear error', async () => {
    const topic = uniqueName('close.pending');
    await createTopic(topic);
    const client = testClient('close-pending');
    try {
      const reply = lastValueFrom(client.send(topic, { n: 1 }));
      reply.catch(() => undefined);
      await waitFor(async () => (await endOffsetTotal(topic)) === 1, { timeoutMs: 20_000, message: 'the request record on the topic' });
      const closing = client.close();
      const error = await rejectionWithin(reply, PROMPT_MS);
      assertRequestAbandoned(error);
      await closing;
    } finally {
      await client.close();
      await deleteTopicsAndGroups([topic]);
    }
  });

  it('a send() closed before its request went out (connecting) fails, and its request is never produced', async () => {
    const topic = uniqueName('close.starting');
    await createTopic(topic);
    const client = testClient('close-starting');
    try {
      const reply = lastValueFrom(client.send(topic, { n: 1 }));
      reply.catch(() => undefined);
      const closing = client.close();
      const error = await rejectionWithin(reply, PROMPT_MS);
      assert.equal((error as ConnectionClosedError).code, 'ACK_CONNECTION_CLOSED');
      assert.match(error.message, /closed while it connected/);
      await closing;
      // The send failed before producing, and a connection that close() could not see yet was closed.
      assert.equal(await endOffsetTotal(topic), 0, 'nothing produced after close()');
    } finally {
      await client.close();
      await deleteTopicsAndGroups([topic]);
    }
  });
});
