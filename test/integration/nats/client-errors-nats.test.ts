import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import type { AckError } from '../../../lib/core';
import { NatsAckClient } from '../../../lib/nats';
import { deleteStreams, NATS_URL, natsAdmin, uniqueStream, type NatsAdmin } from '../../support/nats-broker';
import { uniqueName } from '../../support/names';

describe('NatsAckClient errors', () => {
  let admin: NatsAdmin;
  const stream = uniqueStream('clienterrors');
  const subject = uniqueName('clienterrors');

  before(async () => {
    admin = await natsAdmin();
    await admin.jsm.streams.add({ name: stream, subjects: [subject], max_msg_size: 256 });
  });
  after(async () => {
    await deleteStreams(admin, stream);
    await admin.nc.close();
  });

  it('a subject no stream captures: PublishFailedError once publishTimeoutMs is up, after retrying', { timeout: 30_000 }, async () => {
    const client = new NatsAckClient({ servers: NATS_URL, publishTimeoutMs: 500 });
    try {
      const started = Date.now();
      const error = (await firstValueFrom(client.emit(uniqueName('nostream'), {})).then(() => assert.fail('stored'), (e: unknown) => e)) as AckError;
      assert.equal(error.name, 'PublishFailedError');
      assert.equal(error.code, 'ACK_PUBLISH_FAILED');
      assert.ok(error.cause instanceof Error, 'the driver\'s error is the cause');
      assert.ok(Date.now() - started >= 400, 'retried until publishTimeoutMs');
    } finally {
      await client.close();
    }
  });

  it('a message the stream refuses (over max_msg_size): PublishFailedError at once, nothing stored', { timeout: 30_000 }, async () => {
    const client = new NatsAckClient({ servers: NATS_URL, publishTimeoutMs: 10_000 });
    try {
      const started = Date.now();
      const error = (await firstValueFrom(client.emit(subject, 'x'.repeat(1000))).then(() => assert.fail('stored'), (e: unknown) => e)) as AckError;
      assert.equal(error.code, 'ACK_PUBLISH_FAILED');
      assert.ok(Date.now() - started < 5000, 'not retried');
      assert.equal((await admin.jsm.streams.info(stream)).state.messages, 0);
    } finally {
      await client.close();
    }
  });
});
