import type { IncomingRequest, WritePacket } from '@nestjs/microservices';
import { Kafka, Partitioners, type Admin, type Consumer, type EachBatchPayload, type Producer } from 'kafkajs';
import type { AckContext } from '../core/ack-context';
import { AckServer } from '../core/ack-server';
import { deadLetterHeaders, type DeadLetterRecord } from '../core/dead-letter-record';
import type { SettleOnce } from '../core/settle-once';
import type { Settlement } from '../core/settlement';
import { CommitCoalescer } from './commit-coalescer';
import { DeliveryCounter } from './delivery-counter';
import type { KafkaAckServerOptions } from './kafka-ack-server-options';
import { decodeValue } from './kafka-codec';
import { KafkaAckContext } from './kafka-context';
import { mergeDeadLetterHeaders } from './kafka-headers';
import { nestLogCreator } from './kafka-logger';
import { toKafkaMessage, type KafkaMessage } from './kafka-message';
import { replyRecord } from './kafka-reply';
import { assertTopicName, resolveKafkaSettings, type KafkaServerSettings } from './kafka-settings';
import { ensureTopics } from './kafka-topics';
import { PartitionAssignment } from './partition-assignment';
import type { PartitionHost, PartitionWorker } from './partition-worker';

/**
 * nestjs-ack on Kafka (kafkajs). One consumer group; the topics are the
 * handler patterns. Kafka has no per-message ack, so settling is about which
 * offset is committed when: per partition, the commit never passes the lowest
 * offset not yet settled (see `OffsetTracker`), commits are coalesced
 * (`commitInterval`, `commitEveryN`) and flushed on close, before a rebalance
 * and, for `ACK_FIRST`, before the handler runs.
 *
 * - ack: mark settled; the commit follows.
 * - nack: the partition pauses for the delay, then re-reads from the offset
 *   (`PartitionWorker`); other partitions keep flowing.
 * - reject: the original record (value, key, headers) plus the `x-dead-letter-*`
 *   headers is produced to the dead-letter topic (acks=-1), then settled.
 *
 * Delivery counts live in memory (`DeliveryCounter`): they restart after a
 * rebalance or a crash.
 */
export class KafkaAckServer extends AckServer<KafkaMessage> {
  readonly kafkaSettings: KafkaServerSettings;
  private readonly deliveries = new DeliveryCounter();
  private readonly coalescer: CommitCoalescer;
  private readonly partitions: PartitionAssignment;
  private kafka?: Kafka;
  private consumer?: Consumer;
  private producer?: Producer;
  private admin?: Admin;
  private subscribed: string[] = [];

  constructor(private readonly options: KafkaAckServerOptions) {
    super(options);
    this.kafkaSettings = resolveKafkaSettings(options);
    this.coalescer = new CommitCoalescer({
      commit: (offsets) => this.commit(offsets),
      intervalMs: this.kafkaSettings.commitInterval,
      everyN: this.kafkaSettings.commitEveryN,
      onError: (error) => this.reportError(error, 'offset commit failed (retried with the next commit)'),
    });
    // kafkajs throws from pause/resume/seek while it restarts a crashed consumer; the
    // restart rejoins, and `PartitionAssignment.assign` then sets every partition straight.
    const safely = (what: string, call: () => void) => {
      try {
        call();
      } catch (error) {
        this.reportError(error as Error, `Kafka consumer ${what}`);
      }
    };
    const host: PartitionHost = {
      pause: (topic, partition) => safely('pause', () => this.consumer?.pause([{ topic, partitions: [partition] }])),
      resume: (topic, partition) => safely('resume', () => this.consumer?.resume([{ topic, partitions: [partition] }])),
      seek: (topic, partition, offset) => safely('seek', () => this.consumer?.seek({ topic, partition, offset })),
      deliver: (worker, record) => this.handleMessage(toKafkaMessage(worker, record, this.deliveries)),
      reportError: (error, what) => this.reportError(error, what),
    };
    this.partitions = new PartitionAssignment(host, this.coalescer, this.deliveries, this.kafkaSettings.maxQueuedPerPartition);
  }

  /** The kafkajs clients, once started. */
  override unwrap<T>(): T {
    return { kafka: this.kafka, consumer: this.consumer, producer: this.producer, admin: this.admin } as T;
  }

  /** Topics this server consumes (known after start). */
  get topics(): string[] {
    return [...this.subscribed];
  }

  protected async start(): Promise<void> {
    try {
      await this.connectAndRun();
    } catch (error) {
      await this.closeClients(); // nothing left open when start fails
      throw error;
    }
  }

  private async connectAndRun(): Promise<void> {
    const settings = this.kafkaSettings;
    const topics = [...new Set([...this.messageHandlers.keys(), ...settings.topics])];
    topics.forEach((topic) => assertTopicName(topic, 'handler pattern (a KafkaAckServer pattern is a topic)'));
    this.subscribed = topics;
    this.kafka = new Kafka({ ...this.options.client, brokers: settings.brokers, clientId: settings.clientId, logLevel: settings.logLevel, logCreator: nestLogCreator(this.logger) });
    this.admin = this.kafka.admin();
    await this.admin.connect();
    if (settings.createTopics) {
      const deadLetterTopics = settings.deadLetterTopic ? topics.map(settings.deadLetterTopic) : [];
      await ensureTopics(this.admin, [...topics, ...deadLetterTopics], settings.createTopics);
    }
    this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    if (topics.length === 0) return;
    const consumer = this.kafka.consumer({
      groupId: settings.groupId,
      sessionTimeout: settings.sessionTimeout,
      rebalanceTimeout: settings.rebalanceTimeout,
      heartbeatInterval: settings.heartbeatInterval,
      maxWaitTimeInMs: settings.maxWaitTimeInMs,
    });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        this.partitions.assign(payload.memberAssignment);
        resolve();
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        this.reportError(payload.error, `Kafka consumer crashed${payload.restart ? ', restarting' : ''}`);
        if (!payload.restart) reject(payload.error);
      });
    });
    joined.catch(() => undefined); // awaited below; a crash after the first join must not be unhandled
    // kafkajs has no "partitions revoked" callback: it emits REBALANCING right before
    // it rejoins. Commit the settled prefix now; the commit is on the wire before the
    // JoinGroup, which first needs a FindCoordinator round trip.
    consumer.on(consumer.events.REBALANCING, () => void this.coalescer.flush().catch(() => undefined));
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: settings.fromBeginning });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: true, eachBatch: (payload) => this.onBatch(payload) });
    await joined;
  }

  protected async stopReceiving(): Promise<void> {
    this.partitions.stopAll();
    if (this.consumer && this.subscribed.length > 0) this.consumer.pause(this.subscribed.map((topic) => ({ topic })));
  }

  protected async disconnect(): Promise<void> {
    try {
      await this.coalescer.flush();
    } catch {
      // reported by the coalescer; the uncommitted messages are delivered again
    }
    this.coalescer.stop();
    await this.closeClients();
  }

  private async closeClients(): Promise<void> {
    await this.consumer?.disconnect().catch((error) => this.reportError(error, 'Kafka consumer disconnect'));
    await this.producer?.disconnect().catch((error) => this.reportError(error, 'Kafka producer disconnect'));
    await this.admin?.disconnect().catch((error) => this.reportError(error, 'Kafka admin disconnect'));
  }

  protected async ackMessage(message: KafkaMessage, { beforeHandler }: { beforeHandler: boolean }): Promise<void> {
    this.settled(message);
    // ACK_FIRST acks before the handler runs: commit now, or a crash during the handler would deliver it again.
    if (beforeHandler) await this.coalescer.flush();
  }

  protected async nackMessage(message: KafkaMessage, delayMs: number): Promise<void> {
    this.ownerOf(message).nack(Number(message.offset), delayMs);
  }

  protected async rejectMessage(message: KafkaMessage, record: DeadLetterRecord): Promise<void> {
    const topic = this.kafkaSettings.deadLetterTopic ? this.kafkaSettings.deadLetterTopic(message.topic) : undefined;
    if (topic) {
      const headers = mergeDeadLetterHeaders(message.rawHeaders, message.headers, deadLetterHeaders(record));
      await this.producer!.send({ topic, acks: -1, messages: [{ key: message.recordKey, value: message.recordValue, headers }] });
    }
    // The dead letter is written; a partition given up meanwhile is read again by its new owner (a duplicate, no loss).
    if ((message.owner as PartitionWorker).owns) this.settled(message);
  }

  protected async publishReply(message: KafkaMessage, packet: WritePacket & { id: string }): Promise<void> {
    if (!message.replyTo) throw new Error('the request has no reply topic');
    await this.producer!.send({ topic: message.replyTo, acks: -1, messages: [replyRecord(packet, message.correlationId ?? packet.id, message.replyPartition)] });
  }

  /** The pattern is the topic; the value is the data (JSON, or as Nest's Kafka parser reads it). */
  protected override async decodePacket(message: KafkaMessage): Promise<IncomingRequest> {
    const data = decodeValue(message.recordValue);
    if (this.options.deserializer) {
      const raw = { key: message.recordKey, value: data, headers: message.headers, topic: message.topic, partition: message.partition, offset: message.offset, timestamp: message.timestamp };
      const packet = (await this.deserializer.deserialize(raw, { channel: message.topic })) as IncomingRequest;
      return { ...packet, pattern: packet?.pattern ?? message.topic, id: packet?.id ?? message.correlationId! };
    }
    return { pattern: message.topic, data, id: message.correlationId! };
  }

  /** A request has a correlation id and a reply topic and goes to a `@MessagePattern` handler (Nest's rule). */
  protected override isRequest(message: KafkaMessage, packet: IncomingRequest): boolean {
    if (packet.id === undefined || packet.id === null || !message.replyTo) return false;
    return !this.findHandler(message.topic)?.isEventHandler;
  }

  protected override createContext(message: KafkaMessage, pattern: string, state: SettleOnce, settle: (s: Settlement) => Promise<boolean>): AckContext<KafkaMessage> {
    return new KafkaAckContext(message, pattern, state, settle);
  }

  private async onBatch({ batch, isStale }: EachBatchPayload): Promise<void> {
    if (isStale() || this.isClosing) return;
    this.partitions.workerFor(batch.topic, batch.partition).enqueue(batch.messages);
  }

  /**
   * Marks the message settled; its commit follows. Throws when the partition went to
   * another consumer meanwhile (the settle call then resolves false): the new owner
   * reads the message again from the last commit.
   */
  private settled(message: KafkaMessage): void {
    const worker = this.ownerOf(message);
    worker.settle(Number(message.offset));
    this.deliveries.forget(message.topic, message.partition, Number(message.offset));
    this.coalescer.settled(worker);
  }

  private ownerOf(message: KafkaMessage): PartitionWorker {
    const worker = message.owner as PartitionWorker;
    if (!worker.owns) throw new Error(`partition ${message.topic}/${message.partition} was given to another consumer, which reads the message again from the last commit`);
    return worker;
  }

  private async commit(offsets: Array<{ topic: string; partition: number; offset: string }>): Promise<void> {
    if (!this.consumer) return;
    await this.consumer.commitOffsets(offsets);
  }
}
