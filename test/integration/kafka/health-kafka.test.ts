import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { KafkaAckServer } from '../../../lib/kafka';
import { FAST_KAFKA } from '../../conformance/adapters/kafka';
import { downThenUp, HEALTH_KEY, startHealthApp, type HealthApp } from '../../support/health-app';
import { uniqueName } from '../../support/names';
import { PrivateCluster } from '../../support/private-cluster';
import { waitFor } from '../../support/wait-for';

// A Kafka broker of this file's own (port 19672, controller 19772): killing it never disturbs the shared one.
const cluster = new PrivateCluster('kafka', { CLUSTER_NAME: 'healthk', KAFKA_PORT_BASE: '19672' });

describe('AckHealthIndicator on Kafka (private broker, killed and revived)', { timeout: 600_000 }, () => {
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
    const { down, up } = await downThenUp(health, { label: 'Kafka', stop: () => cluster.kill(), start: () => cluster.revive(), upWithinMs: 120_000 });
    assert.equal(down.error?.[HEALTH_KEY]?.error, 'nestjs-ack: no answer from the broker within 2000 ms', 'the admin requests hang while kafkajs retries: the timeout decides');
    assert.deepEqual(up.details[HEALTH_KEY], {
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
