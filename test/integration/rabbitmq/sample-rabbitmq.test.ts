import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeadLetterHeaders } from '../../../lib/core';
import { assertSampleAgreed, runSample } from '../../support/sample-run';
import { deleteRabbitTopology, peekQueue, queueDepth } from '../../support/rabbit-broker';

describe('the sample on RabbitMQ (SAMPLE_BROKER=rabbitmq)', () => {
  it('settles every message, and the queue and its dead-letter queue show the summary', { timeout: 90_000 }, async () => {
    const run = await runSample({ SAMPLE_BROKER: 'rabbitmq', SAMPLE_KEEP: '1' });
    const queue = `sample-${run.runId}`;
    try {
      assertSampleAgreed(run);
      assert.match(run.stdout, new RegExp(`^broker: queue ${queue}: 0 message\\(s\\) ready$`, 'm'));
      assert.match(run.stdout, new RegExp(`^broker: dead-letter queue ${queue}\\.dlq: 6 message\\(s\\)$`, 'm'));
      // Read again by the test itself, from the queue's own counters.
      assert.deepEqual(await queueDepth(queue), { ready: 0, unacked: 0 });
      const reasons = (await peekQueue(`${queue}.dlq`)).map((m) => String(m.properties.headers?.[DeadLetterHeaders.REASON])).sort();
      assert.deepEqual(reasons, ['deserialization', 'fraud-suspected', 'handler-error', 'max-deliveries', 'no-handler', 'no-tracking']);
    } finally {
      if (run.runId) await deleteRabbitTopology(queue);
    }
  });
});
