import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import type { AckError } from '../../lib/core/errors';
import { NatsAckClient } from '../../lib/nats';
import { deleteStreams, NATS_URL, natsAdmin, uniqueStream, type NatsAdmin } from '../support/nats-broker';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

/** How long a pending `send()` may take to fail once `close()` was called. */
const PROMPT_MS = 2_000;

describe('NatsAckClient.close() with requests waiting for replies', { timeout: 60_000 }, () => {
  let admin: NatsAdmin;
  const stream = uniqueStream('clientclose');
  const subject = uniqueName('clientclose');
  const stored = async () => (await admin.jsm.streams.info(stream)).state.messages;

  before(async () => {
    admin = await natsAdmin();
    await admin.jsm.streams.add({ name: stream, subjects: [subject] });
  });
  after(async () => {
    await deleteStreams(admin, stream);
    await admin.nc.close();
  });

  it('a send() stored in the stream, with no server to answer, fails promptly at close() with RequestAbandonedError', async () => {
    const client = new NatsAckClient({ servers: NATS_URL });
    try {
      const reply = lastValueFrom(client.send(subject, { n: 1 })).then(() => assert.fail('replied, but no server runs'), (error: AckError) => error);
      await waitFor(async () => (await stored()) === 1, { timeoutMs: 20_000, message: 'the request stored' });
      const closedAt = Date.now();
      await client.close();
      const error = await reply;
      assert.ok(Date.now() - closedAt < PROMPT_MS, 'failed promptly');
      assert.equal(error.name, 'RequestAbandonedError');
      assert.equal(error.code, 'ACK_REQUEST_ABANDONED');
      assert.equal(client.unwrap(), undefined, 'the connection closed');
    } finally {
      await client.close();
    }
  });

  it('a send() closed while the client connects fails with ConnectionClosedError and is never stored; the client connects afresh afterwards', async () => {
    const client = new NatsAckClient({ servers: NATS_URL });
    try {
      const before = await stored();
      const reply = lastValueFrom(client.send(subject, { n: 2 })).then(() => assert.fail('replied'), (error: AckError) => error);
      await client.close();
      const error = await reply;
      assert.equal(error.name, 'ConnectionClosedError');
      assert.equal(error.code, 'ACK_CONNECTION_CLOSED');
      await lastValueFrom(client.emit(subject, { marker: true }), { defaultValue: undefined });
      assert.equal(await stored(), before + 1, 'only the marker stored after close()');
      const last = await admin.jsm.streams.getMessage(stream, { last_by_subj: subject });
      assert.match(last!.string(), /"marker":true/);
    } finally {
      await client.close();
    }
  });
});
