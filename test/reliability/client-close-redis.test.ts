import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import type { ConnectionClosedError } from '../../lib/core/errors';
import { RedisAckClient } from '../../lib/redis';
import { closeRedisAdmin, deleteKeys, redisAdmin, REDIS_URL } from '../support/redis-broker';
import { uniqueName } from '../support/names';
import { assertRequestAbandoned } from '../support/request-abandoned';
import { rejectionWithin, waitFor } from '../support/wait-for';

/** How long a pending `send()` may take to fail once `close()` was called. */
const PROMPT_MS = 2_000;

describe('RedisAckClient.close() with requests waiting for replies', { timeout: 60_000 }, () => {
  const streams: string[] = [];
  after(async () => {
    await deleteKeys(streams);
    await closeRedisAdmin();
  });

  it('a send() whose request is in the stream, with no server to answer, fails promptly at close() with RequestAbandonedError', async () => {
    const stream = uniqueName('close.pending');
    streams.push(stream);
    const client = new RedisAckClient({ connection: REDIS_URL });
    try {
      const reply = lastValueFrom(client.send(stream, { n: 1 }));
      await waitFor(async () => (await redisAdmin().xlen(stream)) === 1, { timeoutMs: 20_000, message: 'the request in the stream' });
      const closing = client.close();
      const error = await rejectionWithin(reply, PROMPT_MS);
      assertRequestAbandoned(error);
      await closing;
      assert.equal(client.unwrap(), undefined, 'the connection closed');
    } finally {
      await client.close();
    }
  });

  it('a send() closed while the client connects fails at once and is never written; the client connects afresh afterwards', async () => {
    const stream = uniqueName('close.connecting');
    streams.push(stream);
    const client = new RedisAckClient({ connection: REDIS_URL });
    try {
      const reply = lastValueFrom(client.send(stream, { n: 1 }));
      const closing = client.close();
      const error = await rejectionWithin(reply, PROMPT_MS);
      // Nest's send() connects before it registers the request: the connect under way is what fails.
      assert.equal(error.name, 'ConnectionClosedError');
      assert.equal((error as ConnectionClosedError).code, 'ACK_CONNECTION_CLOSED');
      assert.match(error.message, /closed while/);
      await closing;
      // The same client, used again, connects afresh: the stream then holds the marker only.
      await lastValueFrom(client.emit(stream, { marker: true }), { defaultValue: undefined });
      const entries = (await redisAdmin().call('XRANGE', stream, '-', '+')) as [string, string[]][];
      assert.equal(entries.length, 1, 'only the marker written after close()');
      assert.match(entries[0][1][1], /"marker":true/);
    } finally {
      await client.close();
    }
  });
});
