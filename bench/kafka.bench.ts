import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ServerKafka } from '@nestjs/microservices';
import { Socket } from 'node:net';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { KafkaAckServer, type KafkaAckServerOptions } from '../lib/kafka';
import { createTopicsWithLeaders } from '../lib/kafka/topic-leaders';
import { kafkaBrokers } from '../test/support/broker-urls';
import { uniqueName } from '../test/support/names';
import type { ExtraBench } from './bench-types';
import { after, benchModule, median, settleMeter, withTimeout, WORK, type BrokerBench, type Contender, type Work } from './measure';

const PARTITIONS = 3;
/** kafkajs' default, and nestjs-ack's `commitInterval` default: same commit cadence for everyone. */
const COMMIT_INTERVAL = 100;
const kafka = new Kafka({ clientId: 'bench', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });

/** kafkajs consuming `topic` with a fresh group, every partition concurrently (as ours does). */
async function kafkajsConsumer(topic: string, run: (consumer: ReturnType<Kafka['consumer']>) => Promise<void>): Promise<() => Promise<void>> {
  const consumer = kafka.consumer({ groupId: uniqueName('bench-raw') });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await run(consumer);
  return () => consumer.disconnect();
}

const ours = (ackModule: boolean, options: Partial<KafkaAckServerOptions> = {}): Contender => ({
  role: ackModule ? 'ours+module' : 'ours',
  label: ackModule ? 'KafkaAckServer + AckModule' : 'KafkaAckServer',
  async start(topic, work, tick) {
    const server = new KafkaAckServer({ brokers: kafkaBrokers, groupId: uniqueName('bench-ack'), fromBeginning: true, concurrency: PARTITIONS, deadLetterTopic: false, commitInterval: COMMIT_INTERVAL, ...options });
    server.on('settled', tick);
    const app = await NestFactory.createMicroservice(benchModule(topic, work, { ackPolicy: true, ackModule }), { strategy: server, logger: ['error'] });
    await app.listen();
    return () => app.close();
  },
});

/**
 * Kafka, a 3-partition topic: kafkajs `eachMessage` with auto-commit (most
 * apps' baseline) and `eachBatch` + `resolveOffset` + commits (at-least-once,
 * like ours), Nest's `ServerKafka`, `KafkaAckServer` without and with
 * `AckModule`. Every contender reads the same backlog topic with a fresh
 * consumer group, all partitions concurrently.
 */
export function kafkaBench(): BrokerBench {
  const topics: string[] = [];
  const backlogs = new Map<number, string>();

  const createTopic = async (): Promise<string> => {
    const topic = uniqueName('bench');
    topics.push(topic);
    const admin = kafka.admin();
    await admin.connect();
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: PARTITIONS }]);
    await admin.disconnect();
    return topic;
  };

  return {
    id: 'kafka',
    title: `Kafka, ${PARTITIONS} partitions`,
    concurrency: PARTITIONS,
    contenders: [
      {
        role: 'raw',
        label: 'kafkajs eachBatch + resolveOffset',
        start: (topic, work: Work, tick) =>
          kafkajsConsumer(topic, (consumer) =>
            consumer.run({
              partitionsConsumedConcurrently: PARTITIONS,
              eachBatchAutoResolve: false,
              autoCommitInterval: COMMIT_INTERVAL,
              eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale }) => {
                for (const message of batch.messages) {
                  if (!isRunning() || isStale()) break;
                  const result = work(JSON.parse(String(message.value)));
                  if (result) await result;
                  resolveOffset(message.offset);
                  tick();
                }
                await commitOffsetsIfNecessary();
                await heartbeat();
              },
            }),
          ),
      },
      {
        role: 'raw-alt',
        label: 'kafkajs eachMessage, auto-commit',
        start: (topic, work: Work, tick) =>
          kafkajsConsumer(topic, (consumer) =>
            consumer.run({
              partitionsConsumedConcurrently: PARTITIONS,
              autoCommitInterval: COMMIT_INTERVAL,
              eachMessage: async ({ message }) => {
                const result = work(JSON.parse(String(message.value)));
                if (result) await result;
                tick();
              },
            }),
          ),
      },
      {
        role: 'nest',
        label: 'Nest ServerKafka',
        async start(topic, work, tick) {
          const server = new ServerKafka({
            client: { brokers: kafkaBrokers, clientId: uniqueName('bench-nest'), logLevel: logLevel.NOTHING },
            consumer: { groupId: uniqueName('bench-nest') },
            subscribe: { fromBeginning: true },
            run: { partitionsConsumedConcurrently: PARTITIONS, autoCommitInterval: COMMIT_INTERVAL },
          });
          const handle = (data: unknown) => after(work(data), tick);
          const app = await NestFactory.createMicroservice(benchModule(topic, handle), { strategy: server, logger: ['error'] });
          await app.listen();
          return () => app.close();
        },
      },
      ours(false),
      ours(true),
    ],
    async fill(messages) {
      // A topic can be reread by every contender (fresh group each): one backlog per size.
      if (messages > 0 && backlogs.has(messages)) return backlogs.get(messages)!;
      const topic = await createTopic();
      if (messages === 0) return topic;
      const producer = kafka.producer();
      await producer.connect();
      for (let i = 0; i < messages; i += 1000) {
        const batch = Array.from({ length: Math.min(1000, messages - i) }, (_, j) => ({ key: String((i + j) % 20), value: JSON.stringify({ i: i + j }) }));
        await producer.send({ topic, acks: -1, messages: batch });
      }
      await producer.disconnect();
      backlogs.set(messages, topic);
      return topic;
    },
    async publisher(topic) {
      const producer: Producer = kafka.producer();
      await producer.connect();
      let key = 0;
      return {
        publish: async (data) => void (await producer.send({ topic, acks: 1, messages: [{ key: String(key++ % 20), value: JSON.stringify(data) }] })),
        close: () => producer.disconnect(),
      };
    },
    async version() {
      // kafkajs has no call that names the release: ask the broker's ApiVersions and name the newest Fetch and Produce it speaks.
      const versions = await apiVersions(kafkaBrokers[0]);
      const admin = kafka.admin();
      await admin.connect();
      const { brokers } = await admin.describeCluster().finally(() => admin.disconnect());
      return `Kafka speaking Fetch v${versions.get(1)} and Produce v${versions.get(0)} (ApiVersions), ${brokers.length} broker(s)`;
    },
    async cleanup() {
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: topics.splice(0) }).catch(() => undefined);
      await admin.disconnect();
      backlogs.clear();
    },
  };
}

/** Keys of the ordering comparison's backlog (`fill` writes key `i % 20`). */
const ORDERING_KEYS = 20;
/** Handlers at once in the ordering comparison: one per key, so `'key'` can use them all. */
const ORDERING_CONCURRENCY = 20;

/**
 * `ordering: 'key'` against `'partition'` (issue 20): `KafkaAckServer` with
 * `AckModule`, a handler awaiting 5 ms, a 3-partition topic whose records have
 * 20 keys, `concurrency` 20 for both. Under `'partition'` a partition runs one
 * handler at a time (at most 3 at once); under `'key'` one per key. Rounds
 * interleave the two; the figure is the median.
 */
export async function benchKafkaOrdering(messages: number, rounds: number): Promise<Array<{ name: string; perSecond: number }>> {
  const bench = kafkaBench();
  try {
    const backlog = await bench.fill(messages);
    const orderings = ['partition', 'key'] as const;
    const perRound = new Map<string, number[]>(orderings.map((o) => [o, []]));
    for (let round = 0; round < rounds; round++) {
      for (const ordering of orderings) {
        const meter = settleMeter(ordering, messages);
        const stop = await ours(true, { ordering, concurrency: ORDERING_CONCURRENCY }).start(backlog, WORK['5ms'], meter.tick);
        try {
          perRound.get(ordering)!.push((await withTimeout(meter.result, 180_000, `kafka ordering ${ordering}`)).perSecond);
        } finally {
          await stop();
        }
      }
    }
    return orderings.map((ordering) => ({
      name: `ordering '${ordering}', 5 ms handler, ${PARTITIONS} partitions, ${ORDERING_KEYS} keys, concurrency ${ORDERING_CONCURRENCY} (${messages} msgs)`,
      perSecond: Math.round(median(perRound.get(ordering)!)),
    }));
  } finally {
    await bench.cleanup();
  }
}

/** The broker's ApiVersions v0 answer: api key -> newest version. */
function apiVersions(address: string): Promise<Map<number, number>> {
  const [host, port] = address.split(':');
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const clientId = Buffer.from('bench');
    const request = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length);
    request.writeInt32BE(request.length - 4, 0);
    request.writeInt16BE(18, 4); // ApiVersions
    request.writeInt16BE(0, 6);
    request.writeInt32BE(1, 8);
    request.writeInt16BE(clientId.length, 12);
    clientId.copy(request, 14);
    let received = Buffer.alloc(0);
    socket.setTimeout(5000, () => socket.destroy(new Error('ApiVersions: no answer')));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      const versions = new Map<number, number>();
      const count = received.readInt32BE(10);
      for (let i = 0, at = 14; i < count; i++, at += 6) versions.set(received.readInt16BE(at), received.readInt16BE(at + 4));
      socket.destroy();
      resolve(versions);
    });
    socket.connect(Number(port), host, () => socket.write(request));
  });
}

/** The extra of bench/run.ts for Kafka: the ordering comparison, when the run measures the 5 ms handler with every contender. */
export const kafkaOrderingBench: ExtraBench = async ({ mode, roles, handlers, log }) => {
  if (roles || !handlers.includes('5ms')) return undefined;
  log('kafka ordering: start');
  const results = await benchKafkaOrdering(mode.name === 'full' ? 6000 : 3000, mode.rounds);
  for (const r of results) log(`kafka ${r.name}: ${r.perSecond}/s`);
  return { title: "Kafka: ordering 'key' against 'partition' (5 ms handler; target: key >= 5x partition)", results };
};
