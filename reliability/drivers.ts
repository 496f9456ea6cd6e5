// What the harness does on a broker itself, with the broker's own driver (amqplib, kafkajs; NATS,
// Redis and PostgreSQL in their own files), never with our client: create the stream, put messages
// on it (good or bad), read the dead letters and what is still outstanding, delete everything.
import { connect, type ChannelModel, type ConfirmChannel, type Options } from 'amqplib';
import { Kafka, logLevel, type Admin, type IHeaders, type Producer } from 'kafkajs';
import { DeadLetterHeaders } from '../lib/core';
import { createTopicsWithLeaders } from '../lib/kafka/topic-leaders';
import type { ReliabilityTransportId } from '../test/transports';

/** The transports the harness runs (test/transports.ts). */
export type Transport = ReliabilityTransportId;

/** One message put on the broker by the harness. */
export interface RawMessage {
  body: Buffer | null;
  headers?: Record<string, string>;
  /** Reply address (RabbitMQ property, NATS header, Redis field, PostgreSQL column). */
  replyTo?: string;
  /** RabbitMQ, Redis, PostgreSQL: the correlation id that goes with `replyTo`. */
  correlationId?: string;
  /** Kafka topic, NATS subject or Redis stream other than the stream's (an unknown pattern, a request). */
  topic?: string;
  /** Redis only: the entry's fields exactly (a missing body field, headers that are not JSON). */
  fields?: Record<string, Buffer | string>;
  /** PostgreSQL only: the row's pattern column (null: none). @defaultValue the handler's pattern */
  rowPattern?: string | null;
  /** PostgreSQL only: the row's headers column as this JSON (a non-object, values that are not strings). */
  rowHeaders?: unknown;
}

export interface DeadLetter {
  /** The harness's own `x-rel-input` header of the original (which bad input it was). */
  input?: string;
  reason: string;
  deliveryCount: number;
  body: Buffer;
}

export interface Driver {
  readonly transport: Transport;
  /** Addresses the workers get (all nodes of a cluster). */
  readonly addresses: string[];
  /** Creates what must exist before a worker starts (Kafka topics); RabbitMQ's server declares its own queue. */
  prepare(stream: string, extra?: string[]): Promise<void>;
  /** Puts messages on the stream, each confirmed by the broker (all in-sync replicas on Kafka). */
  publish(stream: string, messages: RawMessage[]): Promise<void>;
  /** Messages not settled yet: ready+unacked on RabbitMQ (needs no consumer), uncommitted on Kafka. */
  outstanding(stream: string, groupId?: string): Promise<number>;
  deadLetters(stream: string): Promise<DeadLetter[]>;
  /** The worker's item handler pattern for `stream`, and where `stream` lives for the worker (queue, topic, stream, table). */
  pattern(stream: string): string;
  /** Good items `{ id }` as the transport's clients write them, for the item handler on `stream`. */
  items(stream: string, ids: number[]): RawMessage[];
  cleanup(stream: string, groupId?: string, extra?: string[]): Promise<void>;
  close(): Promise<void>;
}

/** `{ pattern, data }` as Nest's clients write it (RabbitMQ); the data alone on Kafka. */
export function itemMessages(transport: Transport, ids: number[]): RawMessage[] {
  return ids.map((id) => ({ body: Buffer.from(JSON.stringify(transport === 'rabbitmq' ? { pattern: 'rel.item', data: { id } } : { id })) }));
}

export function header(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

// ------------------------------------------------------------------ RabbitMQ ----------------
export class RabbitDriver implements Driver {
  readonly transport = 'rabbitmq';
  private model?: ChannelModel;
  private next = 0;

  constructor(readonly addresses: string[]) {}

  pattern(): string {
    return 'rel.item';
  }

  items(_stream: string, ids: number[]): RawMessage[] {
    return itemMessages(this.transport, ids);
  }

  /** A connection to the first node that answers, starting after the last one that failed. */
  private async connection(): Promise<ChannelModel> {
    if (this.model) return this.model;
    let last: unknown;
    for (let attempt = 0; attempt < this.addresses.length * 4; attempt++) {
      const url = this.addresses[this.next % this.addresses.length];
      try {
        const model = await connect(url);
        model.on('error', () => undefined);
        model.on('close', () => {
          if (this.model === model) this.model = undefined;
        });
        this.model = model;
        return model;
      } catch (error) {
        last = error;
        this.next++;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    throw new Error(`no RabbitMQ node answers: ${(last as Error)?.message}`);
  }

  /** Runs `work` on a fresh confirm channel; on a broken connection, again on the next node, for up to 2 minutes. */
  private async withChannel<T>(work: (channel: ConfirmChannel) => Promise<T>): Promise<T> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      let channel: ConfirmChannel | undefined;
      try {
        const model = await this.connection();
        channel = await model.createConfirmChannel();
        channel.on('error', () => undefined);
        const result = await work(channel);
        await channel.close().catch(() => undefined);
        return result;
      } catch (error) {
        await channel?.close().catch(() => undefined);
        if (Date.now() > deadline) throw error;
        this.next++;
        const model = this.model;
        this.model = undefined;
        await model?.close().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  async prepare(): Promise<void> {}

  async publish(queue: string, messages: RawMessage[]): Promise<void> {
    // Batches of 200, each confirmed; a batch interrupted by a node loss is sent again
    // (duplicates on the queue are possible then, never a loss).
    for (let start = 0; start < messages.length; start += 200) {
      const batch = messages.slice(start, start + 200);
      await this.withChannel(async (channel) => {
        for (const message of batch) {
          const options: Options.Publish = { persistent: true, headers: message.headers };
          if (message.replyTo) options.replyTo = message.replyTo;
          if (message.correlationId) options.correlationId = message.correlationId;
          channel.sendToQueue(queue, message.body ?? Buffer.alloc(0), options);
        }
        await channel.waitForConfirms();
      });
    }
  }

  async outstanding(queue: string): Promise<number> {
    return this.withChannel(async (channel) => (await channel.checkQueue(queue)).messageCount);
  }

  async deadLetters(queue: string): Promise<DeadLetter[]> {
    return this.withChannel(async (channel) => {
      const letters: DeadLetter[] = [];
      for (;;) {
        const message = await channel.get(`${queue}.dlq`, { noAck: false });
        if (!message) break;
        const headers = message.properties.headers ?? {};
        letters.push({ input: header(headers['x-rel-input']), reason: header(headers[DeadLetterHeaders.REASON]) ?? '', deliveryCount: Number(header(headers[DeadLetterHeaders.DELIVERY_COUNT]) ?? NaN), body: message.content });
      }
      return letters; // the channel closes unacked: the broker keeps them all
    });
  }

  async cleanup(queue: string): Promise<void> {
    for (const [kind, name] of [['q', queue], ['q', `${queue}.dlq`], ['x', `${queue}.dlx`]] as const) {
      await this.withChannel((channel) => (kind === 'q' ? channel.deleteQueue(name) : channel.deleteExchange(name))).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.model?.close().catch(() => undefined);
    this.model = undefined;
  }
}

// ------------------------------------------------------------------ Kafka -------------------
/** Partitions of every Kafka topic the harness creates (unless a driver is given its own). */
export const KAFKA_PARTITIONS = 3;

export class KafkaDriver implements Driver {
  readonly transport = 'kafka';
  private readonly kafka: Kafka;
  private admin?: Promise<Admin>;
  private producer?: Promise<Producer>;

  /** `leader`: 1-based index of the broker that must lead every partition (the cluster case). */
  constructor(readonly addresses: string[], private readonly options: { partitions?: number; leader?: number } = {}) {
    this.kafka = new Kafka({ brokers: addresses, clientId: 'nestjs-ack-reliability', logLevel: logLevel.NOTHING, retry: { retries: 20, initialRetryTime: 200, maxRetryTime: 2000 } });
  }

  pattern(topic: string): string {
    return topic;
  }

  items(_topic: string, ids: number[]): RawMessage[] {
    return itemMessages(this.transport, ids);
  }

  private getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
    }
    return this.admin;
  }

  async prepare(topic: string, extra: string[] = []): Promise<void> {
    const admin = await this.getAdmin();
    const partitions = this.options.partitions ?? KAFKA_PARTITIONS;
    const n = this.addresses.length;
    // In a cluster, broker `leader` is the preferred (first) replica of every partition: killing it
    // takes the leadership of the whole stream away.
    const replicaAssignment = this.options.leader
      ? Array.from({ length: partitions }, (_, partition) => ({ partition, replicas: Array.from({ length: n }, (_, k) => ((this.options.leader! - 1 + k) % n) + 1) }))
      : undefined;
    const topics = [topic, `${topic}.dlt`, ...extra, ...extra.map((t) => `${t}.dlt`)];
    // kafkajs' waitForLeaders gives up on UNKNOWN_TOPIC_OR_PARTITION, which a loaded KRaft broker answers for a
    // moment after the creation: createTopicsWithLeaders polls for the leaders instead.
    await createTopicsWithLeaders(admin, topics.map((t) => (replicaAssignment ? { topic: t, replicaAssignment } : { topic: t, numPartitions: partitions })));
  }

  async publish(topic: string, messages: RawMessage[]): Promise<void> {
    if (!this.producer) {
      const producer = this.kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 30, initialRetryTime: 200, maxRetryTime: 2000 } });
      this.producer = producer.connect().then(() => producer);
    }
    const producer = await this.producer;
    for (let start = 0; start < messages.length; start += 200) {
      const batch = messages.slice(start, start + 200);
      const byTopic = new Map<string, Array<{ value: Buffer | null; headers?: IHeaders }>>();
      for (const message of batch) {
        const target = message.topic ?? topic;
        if (!byTopic.has(target)) byTopic.set(target, []);
        byTopic.get(target)!.push({ value: message.body, headers: message.headers });
      }
      for (const [target, records] of byTopic) await producer.send({ topic: target, acks: -1, messages: records });
    }
  }

  async outstanding(topic: string, groupId?: string): Promise<number> {
    const admin = await this.getAdmin();
    const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId: groupId!, topics: [topic] })]);
    return ends.reduce((sum, p) => {
      const c = Number(committed?.partitions.find((q) => q.partition === p.partition)?.offset ?? -1);
      return sum + Number(p.high) - (c >= 0 ? c : Number(p.low));
    }, 0);
  }

  async deadLetters(topic: string): Promise<DeadLetter[]> {
    const admin = await this.getAdmin();
    const dlt = `${topic}.dlt`;
    const ends = await admin.fetchTopicOffsets(dlt);
    const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
    const letters: DeadLetter[] = [];
    if (remaining.size === 0) return letters;
    const groupId = `reader.${dlt}.${Date.now()}`;
    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 6000, heartbeatInterval: 500 });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [dlt], fromBeginning: true });
      const done = new Promise<void>((resolve) => {
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = remaining.get(partition);
            if (end === undefined || Number(message.offset) >= end) return;
            const headers = message.headers ?? {};
            letters.push({ input: header(headers['x-rel-input']), reason: header(headers[DeadLetterHeaders.REASON]) ?? '', deliveryCount: Number(header(headers[DeadLetterHeaders.DELIVERY_COUNT]) ?? NaN), body: message.value ?? Buffer.alloc(0) });
            if (Number(message.offset) >= end - 1) remaining.delete(partition);
            if (remaining.size === 0) resolve();
          },
        });
      });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`reading ${dlt} timed out`)), 60_000)))]).finally(() => clearTimeout(timer));
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return letters;
  }

  async cleanup(topic: string, groupId?: string, extra: string[] = []): Promise<void> {
    // kafkajs keeps every topic it produced to in its metadata refreshes, and fails them all once one is deleted: a new producer per stream.
    const producer = this.producer;
    this.producer = undefined;
    await (await producer?.catch(() => undefined))?.disconnect().catch(() => undefined);
    const admin = await this.getAdmin();
    if (groupId) await admin.deleteGroups([groupId]).catch(() => undefined);
    const topics = [topic, `${topic}.dlt`, ...extra, ...extra.map((t) => `${t}.dlt`)];
    const existing = new Set(await admin.listTopics().catch(() => [] as string[]));
    const gone = topics.filter((t) => existing.has(t));
    if (gone.length > 0) await admin.deleteTopics({ topics: gone, timeout: 10_000 }).catch(() => undefined);
    // The admin's metadata refreshes carry every topic it looked at too (fetchTopicOffsets...): a fresh one per stream.
    this.admin = undefined;
    await admin.disconnect().catch(() => undefined);
  }

  async close(): Promise<void> {
    const producer = this.producer;
    const admin = this.admin;
    this.producer = undefined;
    this.admin = undefined;
    await (await producer?.catch(() => undefined))?.disconnect().catch(() => undefined);
    await (await admin?.catch(() => undefined))?.disconnect().catch(() => undefined);
  }
}
