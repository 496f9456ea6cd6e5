import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { InvalidOptionError } from '../core/errors';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { Kafka, logLevel, Partitioners, type Consumer, type IHeaders, type Message, type Producer } from 'kafkajs';
import { KAFKA_CLIENT_KEYS, type KafkaAckClientOptions } from './kafka-ack-client-options';
import { assertKnownKeys } from '../core/option-keys';
import { decodeValue, encodeValue } from './kafka-codec';
import { headersToStrings, KafkaReplyHeaders } from './kafka-headers';
import { nestLogCreator } from './kafka-logger';
import { assertBrokers, assertTopicName } from './kafka-settings';
import { ensureTopics } from './kafka-topics';
import { parseReplyBody, PendingRequests } from '../core/pending-requests';
import { observePublish } from '../core/telemetry-hooks';

/** Error of a `send()` still waiting for its reply when the client closes. */
const CLOSED_BEFORE_REPLY = 'the KafkaAckClient was closed before the reply arrived';
/** Error of a `send()` / `emit()` whose connection was under way when the client closed. */
const CLOSED_WHILE_CONNECTING = 'the KafkaAckClient was closed while connecting';

/**
 * Publishes to Kafka in the format of Nest's Kafka transport (the pattern is
 * the topic, the data the JSON value): `emit()` resolves once the broker
 * stored the record (acks=-1); `send()` adds `kafka_correlationId` and
 * `kafka_replyTopic` headers and reads the replies on its reply topic.
 */
export class KafkaAckClient extends ClientProxy {
  private readonly logger: Logger;
  private readonly kafka: Kafka;
  private readonly replyTopic: string;
  private readonly ownsReplyTopic: boolean;
  private readonly pending = new PendingRequests();
  private producer?: Producer;
  private connecting?: Promise<Producer>;
  /** Counts `close()` calls: a connection that was under way when one ran is closed instead of kept. */
  private closes = 0;
  private replies?: Promise<Consumer>;

  constructor(private readonly options: KafkaAckClientOptions = {}) {
    super();
    assertKnownKeys(options, KAFKA_CLIENT_KEYS, 'KafkaAckClient');
    const brokers = assertBrokers(options.brokers);
    if (options.replyTopic !== undefined) assertTopicName(options.replyTopic, 'KafkaAckClient option replyTopic');
    if (options.name !== undefined && (typeof options.name !== 'string' || options.name === '')) throw new InvalidOptionError('name', options.name, 'a non-empty string');
    this.logger = new Logger(options.name ? `${KafkaAckClient.name}:${options.name}` : KafkaAckClient.name);
    this.kafka = new Kafka({
      ...options.client,
      brokers,
      clientId: options.clientId ?? 'nestjs-ack-client',
      logLevel: options.logLevel ?? logLevel.WARN,
      logCreator: nestLogCreator(this.logger),
    });
    this.ownsReplyTopic = options.replyTopic === undefined;
    this.replyTopic = options.replyTopic ?? `nestjs-ack.replies.${randomUUID()}`;
    this.initializeSerializer({});
    this.initializeDeserializer({});
  }

  /** Connects the producer (the reply consumer starts at the first `send()`). */
  async connect(): Promise<Producer> {
    const connecting = (this.connecting ??= (async () => {
      const closes = this.closes;
      const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      // close() ran meanwhile: it could not disconnect this producer, and a send() waiting on it must fail.
      if (closes !== this.closes) {
        await producer.disconnect().catch(() => undefined);
        throw new Error(CLOSED_WHILE_CONNECTING);
      }
      this.producer = producer;
      return producer;
    })().catch((error) => {
      if (this.connecting === connecting) this.connecting = undefined;
      throw error;
    }));
    return connecting;
  }

  /** Fails every `send()` still waiting for its reply, then disconnects (and deletes a reply topic of its own). */
  async close(): Promise<void> {
    const replies = this.replies;
    this.replies = undefined;
    this.connecting = undefined;
    this.closes++;
    // Their replies can no longer arrive: end them now rather than leave the callers waiting forever.
    this.pending.failAll(CLOSED_BEFORE_REPLY);
    if (replies) await (await replies.catch(() => undefined))?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
    if (replies && this.ownsReplyTopic) {
      const admin = this.kafka.admin();
      await admin.connect().then(() => admin.deleteTopics({ topics: [this.replyTopic] })).catch(() => undefined);
      if (!this.options.replyGroupId) await admin.deleteGroups([this.replyTopic]).catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    }
  }

  unwrap<T>(): T {
    return this.kafka as T;
  }

  /** Produces one record as it is (no encoding) and resolves once the broker stored it. */
  async produce(topic: string, record: Message): Promise<void> {
    const producer = await this.connect();
    await producer.send({ topic, acks: -1, messages: [record] });
  }

  protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partial);
    const topic = this.normalizePattern(packet.pattern);
    const serialized = this.serializer.serialize(packet) as ReadPacket & { id: string };
    const unsubscribe = this.pending.add(packet.id, callback);
    const headers: IHeaders = { [KafkaReplyHeaders.CORRELATION_ID]: packet.id, [KafkaReplyHeaders.REPLY_TOPIC]: this.replyTopic };
    this.listenForReplies()
      .then(() => {
        // close() failed the request while the reply consumer was starting: publish nothing.
        if (!this.pending.has(packet.id)) return;
        return this.produceObserved(topic, { value: encodeValue(serialized.data), headers }, true);
      })
      .catch((err) => this.pending.fail(packet.id, err));
    return unsubscribe;
  }

  protected async dispatchEvent<T = unknown>(packet: ReadPacket): Promise<T> {
    const serialized = this.serializer.serialize(packet) as ReadPacket;
    await this.produceObserved(this.normalizePattern(packet.pattern), { value: encodeValue(serialized.data) }, false);
    return undefined as T;
  }

  /** `produce()` with the trace context headers of a telemetry observer, when one is set. */
  private produceObserved(topic: string, record: Message, request: boolean): Promise<void> {
    return observePublish({ transport: 'kafka', destination: topic, pattern: topic, request }, (trace) => this.produce(topic, trace ? { ...record, headers: { ...record.headers, ...trace } } : record));
  }

  private listenForReplies(): Promise<Consumer> {
    this.replies ??= (async () => {
      const closes = this.closes;
      const admin = this.kafka.admin();
      await admin.connect();
      try {
        await ensureTopics(admin, [this.replyTopic], undefined, { numPartitions: 1, replicationFactor: -1 });
      } finally {
        await admin.disconnect();
      }
      const consumer = this.kafka.consumer({ groupId: this.options.replyGroupId ?? this.replyTopic, maxWaitTimeInMs: 100 });
      await consumer.connect();
      // From the beginning: the topic is ours, and a reply written before the first fetch must not be skipped.
      await consumer.subscribe({ topics: [this.replyTopic], fromBeginning: this.ownsReplyTopic });
      await consumer.run({ eachMessage: async ({ message }) => this.onReply(headersToStrings(message.headers), message.value) });
      if (closes !== this.closes) {
        await consumer.disconnect().catch(() => undefined);
        throw new Error(CLOSED_BEFORE_REPLY);
      }
      return consumer;
    })().catch((error) => {
      this.replies = undefined;
      throw error;
    });
    return this.replies;
  }

  private onReply(headers: Record<string, string>, value: Buffer | null): void {
    const id = headers[KafkaReplyHeaders.CORRELATION_ID];
    if (id === undefined || !this.pending.has(id)) return;
    const err = headers[KafkaReplyHeaders.NEST_ERR];
    if (err !== undefined) {
      this.pending.deliver(id, { err: parseReplyBody(err), isDisposed: true });
      return;
    }
    const isDisposed = headers[KafkaReplyHeaders.NEST_IS_DISPOSED] !== undefined;
    let response: unknown;
    try {
      response = decodeValue(value);
    } catch {
      response = value?.toString('utf8');
    }
    this.pending.deliver(id, { response: response ?? undefined, isDisposed });
  }
}
