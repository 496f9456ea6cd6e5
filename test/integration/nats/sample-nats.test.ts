import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deleteStreams, natsAdmin, outstandingOf } from '../../support/nats-broker';
import { assertSampleAgreed, runSample } from '../../support/sample-run';

describe('the sample on NATS JetStream (SAMPLE_BROKER=nats)', () => {
  it('settles every message: nothing pending on the consumers, the dead letters in the DLQ stream', { timeout: 90_000 }, async () => {
    const run = await runSample({ SAMPLE_BROKER: 'nats', SAMPLE_KEEP: '1' });
    const stream = `SAMPLE_${run.runId.toUpperCase()}`;
    const admin = await natsAdmin();
    try {
      assertSampleAgreed(run);
      assert.match(run.stdout, new RegExp(`^broker: dead-letter stream ${stream}_DLQ: 6 message\\(s\\)$`, 'm'));
      // Read again by the test itself: the consumers' info and the streams' message counts.
      let consumers = 0;
      for await (const info of admin.jsm.consumers.list(stream)) {
        consumers++;
        assert.equal(outstandingOf(info), 0, `consumer ${info.name} owes nothing`);
      }
      assert.ok(consumers >= 1, 'the sample created its consumers');
      assert.equal((await admin.jsm.streams.info(stream)).state.messages, 14);
      assert.equal((await admin.jsm.streams.info(`${stream}_DLQ`)).state.messages, 6);
    } finally {
      if (run.runId) await deleteStreams(admin, stream, `${stream}_DLQ`);
      await admin.nc.close();
    }
  });
});
