import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { ReadPacket } from '@nestjs/microservices';
import { Kafka, logLevel, Partitioners, type Consumer, type IHeaders, type Message, type Producer } from 'kafkajs';
import { AckClient, type OutgoingPacket } from '../core/ack-client';
import { ConnectionClosedError, InvalidOptionError } from '../core/errors';
import { assertKnownKeys } from '../core/option-keys';
import { parseReplyBody } from '../core/pending-requests';
import { KAFKA_CLIENT_KEYS, type KafkaAckClientOptions } from './kafka-ack-client-options';
import { decodeValue, encodeValue } from './kafka-codec';
import { kafkaConnectFailure, kafkaFailure, kafkaPublishFailure } from './kafka-errors';
import { headersToStrings, KafkaReplyHeaders } from './kafka-headers';
import { nestLogCreator } from './kafka-logger';
import { assertBrokers, assertTopicName } from './kafka-settings';
import { ensureTopics } from './kafka-topics';

/**
 * Publishes to Kafka in the format of Nest's Kafka transport (the pattern is
 * the topic, the data the JSON value): `emit()` resolves once the broker
 * stored the record (acks=-1); `send()` adds `kafka_correlationId` and
 * `kafka_replyTopic` headers and reads the replies on its reply topic.
 */
export class KafkaAckClient extends AckClient {
  protected readonly transport = 'kafka';
  private readonly logger: Logger;
  private readonly kafka: Kafka;
  private readonly replyTopic: string;
  private readonly ownsReplyTopic: boolean;
  private producer?: Producer;
  /** The reply consumer, started by the first `send()`. */
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

  unwrap<T>(): T {
    return this.kafka as T;
  }

  /** Produces one record as it is (no encoding) and resolves once the broker stored it. */
  async produce(topic: string, record: Message): Promise<void> {
    await this.connect();
    if (!this.producer) throw new ConnectionClosedError('the KafkaAckClient is closed');
    await this.producer.send({ topic, acks: -1, messages: [record] }).catch((error) => {
      throw kafkaPublishFailure(error);
    });
  }

  protected async open(): Promise<void> {
    const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect().catch((error) => {
      throw kafkaConnectFailure(error);
    });
    this.producer = producer;
  }

  /** Disconnects the reply consumer and the producer, and deletes a reply topic (and group) of its own. */
  protected async disconnect(): Promise<void> {
    const { producer, replies } = this;
    this.producer = undefined;
    this.replies = undefined;
    if (replies) await (await replies.catch(() => undefined))?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    if (replies && this.ownsReplyTopic) await this.deleteReplyTopic();
  }

  /** The topic: the pattern. */
  protected destinationOf(packet: ReadPacket): string {
    return this.normalizePattern(packet.pattern);
  }

  /** The data as the record's value; a request adds its id and this client's reply topic as headers. */
  protected async publishPacket(packet: OutgoingPacket, request: boolean, trace: Record<string, string> | undefined): Promise<void> {
    const { data } = this.serializer.serialize(packet) as ReadPacket;
    const record: Message = { value: encodeValue(data) };
    const headers: IHeaders = request && packet.id !== undefined ? { [KafkaReplyHeaders.CORRELATION_ID]: packet.id, [KafkaReplyHeaders.REPLY_TOPIC]: this.replyTopic } : {};
    if (request || trace) record.headers = { ...headers, ...trace };
    await this.produce(this.destinationOf(packet), record);
  }

  /** Creates the reply topic when it is this client's own, and starts its consumer, once. */
  protected override listenForReplies(): Promise<void> {
    if (!this.producer) return Promise.reject(new ConnectionClosedError('the KafkaAckClient was closed before the reply consumer started'));
    const replies = (this.replies ??= this.startReplyConsumer().catch((error) => {
      if (this.replies === replies) this.replies = undefined;
      throw kafkaFailure(error);
    }));
    return replies.then(() => undefined);
  }

  private async startReplyConsumer(): Promise<Consumer> {
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
    return consumer;
  }

  private async deleteReplyTopic(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect().then(() => admin.deleteTopics({ topics: [this.replyTopic] })).catch(() => undefined);
    if (!this.options.replyGroupId) await admin.deleteGroups([this.replyTopic]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }

  /** A reply in the format of Nest's Kafka transport: the response as the value, error and last-reply flags as headers. */
  private async onReply(headers: Record<string, string>, value: Buffer | null): Promise<void> {
    const id = headers[KafkaReplyHeaders.CORRELATION_ID];
    if (id === undefined || !this.pending.has(id)) return;
    const err = headers[KafkaReplyHeaders.NEST_ERR];
    if (err !== undefined) return this.deliverReply({ id, err: parseReplyBody(err), isDisposed: true });
    let response: unknown;
    try {
      response = decodeValue(value);
    } catch {
      response = value?.toString('utf8');
    }
    await this.deliverReply({ id, response: response ?? undefined, isDisposed: headers[KafkaReplyHeaders.NEST_IS_DISPOSED] !== undefined });
  }
}
