import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaAckClient } from '../../lib/kafka';
import { handlerModule, startKafkaApp } from '../support/kafka-test-app';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

const run = promisify(execFile);

/**
 * A broker of this test's own (the shared one on 9092 must not restart under other tests),
 * started and restarted with the project's scripts/kafka.sh on another port.
 */
const BROKER = process.env.KAFKA_RESTART_BROKER ?? '127.0.0.1:29092';
const script = join(__dirname, '../../../scripts/kafka.sh');
const kafkaSh = (command: 'start' | 'stop' | 'restart') => run('bash', [script, command], { env: { ...process.env, KAFKA_BROKERS: BROKER }, timeout: 240_000 });

describe('Kafka broker restarted mid-stream', { timeout: 300_000 }, () => {
  before(() => kafkaSh('start'));
  after(() => kafkaSh('stop'));

  it('ACK: every message is processed and committed; none lost', async () => {
    const topic = uniqueName('restart');
    const groupId = uniqueName('g');
    const processed = new Map<number, number>();
    const module = handlerModule(topic, async (data: { id: number }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      processed.set(data.id, (processed.get(data.id) ?? 0) + 1);
    }, 'ACK');
    const { app, server } = await startKafkaApp(module, { groupId, brokers: [BROKER], createTopics: { numPartitions: 2 }, concurrency: 2 });
    const client = new KafkaAckClient({ brokers: [BROKER], clientId: 'broker-restart-test', logLevel: logLevel.NOTHING });
    const publish = async (from: number, count: number) => {
      for (let id = from; id < from + count; id += 20) {
        await Promise.all(Array.from({ length: 20 }, (_, k) => client.produce(topic, { value: JSON.stringify({ id: id + k }) })));
      }
    };
    try {
      await publish(0, 400);
      await waitFor(() => processed.size >= 50, { timeoutMs: 30_000, message: '50 processed before the restart' });
      assert.ok(processed.size < 400, 'restarted mid-stream');
      await kafkaSh('restart');
      await waitFor(async () => {
        await publish(400, 200);
        return true;
      }, { timeoutMs: 60_000, intervalMs: 1000, message: 'publishing after the restart' });
      await waitFor(() => processed.size === 600, { timeoutMs: 120_000, intervalMs: 200, message: 'all 600 processed' }).catch(async (error: Error) => {
        // What the server and the broker say, so a failure tells where the stream stopped.
        const health = await server.probeHealth().catch((failure: Error) => ({ probeFailed: failure.message }));
        const missing = Array.from({ length: 600 }, (_, id) => id).filter((id) => !processed.has(id));
        throw new Error(`${error.message}: ${processed.size} processed, missing ${missing.length} (first ${missing.slice(0, 5).join(', ')}), status ${server.currentStatus}, health ${JSON.stringify(health)}`);
      });
      const admin = new Kafka({ brokers: [BROKER], logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        await waitFor(async () => {
          const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
          return ends.every((end) => committed.partitions.find((p) => p.partition === end.partition)?.offset === end.high);
        }, { timeoutMs: 60_000, message: 'committed offsets at the end' });
      } finally {
        await admin.disconnect();
      }
    } finally {
      await client.close();
      await app.close();
    }
  });
});
