import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { KafkaAckServer } from '../../lib/kafka';
import { FAST_KAFKA } from '../support/kafka-conformance-adapter';
import { HEALTH_KEY, startHealthApp, type HealthAnswer, type HealthApp } from '../support/health-app';
import { uniqueName } from '../support/names';
import { PrivateCluster } from '../support/private-cluster';
import { waitFor } from '../support/wait-for';

// A Kafka broker of this file's own (port 19792, controller 19892): killing it never disturbs the shared one.
const cluster = new PrivateCluster('kafka', { CLUSTER_NAME: 'healthk', KAFKA_PORT_BASE: '19792' });

/** Polls the terminus check until `wanted`; returns the answer and when it came. */
async function checkUntil(health: HealthApp, wanted: 'ok' | 'error', timeoutMs: number): Promise<{ answer: HealthAnswer; at: number }> {
  let answer: HealthAnswer | undefined;
  await waitFor(async () => (answer = await health.check()).status === wanted, { timeoutMs, intervalMs: 100, message: `health status ${wanted} (last ${JSON.stringify(answer)})` });
  return { answer: answer!, at: Date.now() };
}

describe('AckHealthIndicator on Kafka (private broker, killed and revived)', { timeout: 400_000 }, () => {
  const topic = uniqueName('health');
  const groupId = uniqueName('health-group');
  let server: KafkaAckServer;
  let health: HealthApp;
  let producer: Producer;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));

  before(async () => {
    await cluster.start();
    server = new KafkaAckServer({ ...FAST_KAFKA, brokers: [cluster.address], groupId, fromBeginning: true, createTopics: true, deadLetterTopic: false, logLevel: logLevel.NOTHING });
    // The handler waits for the gate: nothing is settled, so the group commits nothing and its lag grows.
    health = await startHealthApp(server, [topic], { handler: () => gate });
    producer = new Kafka({ brokers: [cluster.address], clientId: 'health-test', logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });

  after(async () => {
    release();
    await producer?.disconnect().catch(() => undefined);
    await health?.close().catch(() => undefined);
    await cluster.stop();
  });

  it('reports up with the consumer lag the broker counts', async () => {
    await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: JSON.stringify({ pattern: topic, data: { i } }) })) });
    const answer = await waitFor(async () => {
      const a = await health.check();
      return a.details[HEALTH_KEY]?.backlog === 5 ? a : false;
    }, { timeoutMs: 30_000, message: 'lag 5' });
    if (!answer) throw new Error('unreachable');
    assert.equal(answer.status, 'ok');
    assert.deepEqual(answer.details[HEALTH_KEY], {
      status: 'up',
      transport: 'kafka',
      state: 'connected',
      connected: true,
      consuming: true,
      backlog: 5,
      groupId,
      topics: [{ topic, lag: 5 }],
    });
    release();
    // Settled and committed: the broker's committed offset reaches the end, lag 0.
    await waitFor(async () => (await health.check()).details[HEALTH_KEY]?.backlog === 0, { timeoutMs: 30_000, message: 'lag 0 once the handler is released' });
  });

  it('reports down within 5 s of the broker stop, and up after it returns', async () => {
    await cluster.kill();
    const stoppedAt = Date.now();
    const down = await checkUntil(health, 'error', 15_000);
    const downAfterMs = down.at - stoppedAt;
    console.log(`Kafka health: down ${downAfterMs} ms after the broker stopped (${down.answer.error?.[HEALTH_KEY]?.error})`);
    assert.ok(downAfterMs < 5000, `down after ${downAfterMs} ms`);
    const details = down.answer.error?.[HEALTH_KEY];
    assert.equal(details?.status, 'down');
    assert.equal(details?.connected, false);
    assert.ok(details?.error, 'says why');

    await cluster.revive();
    const up = await checkUntil(health, 'ok', 120_000);
    console.log(`Kafka health: up ${up.at - stoppedAt} ms after the stop (broker revived in between)`);
    assert.deepEqual(up.answer.details[HEALTH_KEY], {
      status: 'up',
      transport: 'kafka',
      state: 'connected',
      connected: true,
      consuming: true,
      backlog: 0,
      groupId,
      topics: [{ topic, lag: 0 }],
    });
  });
});
