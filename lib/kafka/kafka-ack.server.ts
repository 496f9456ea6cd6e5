import { Kafka, Partitioners, type Admin, type Consumer, type EachBatchPayload, type Producer } from 'kafkajs';
import { AckServer } from '../core/ack-server';
import type { BrokerHealth } from '../core/broker-health';
import { asError } from '../core/errors';
import { DEFAULT_RECONNECT, reconnectLoop } from '../core/reconnect';
import { CommitCoalescer } from './commit-coalescer';
import { shouldRestartConsumer } from './consumer-restart';
import type { KafkaAckServerOptions } from './kafka-ack-server-options';
import { KafkaConnectionWatch } from './kafka-connection-watch';
import { kafkaPacketDecoder } from './kafka-codec';
import { probeKafka } from './kafka-health';
import { KafkaCommands } from './kafka-commands';
import { KafkaAckContext } from './kafka-context';
import { kafkaConnectFailure, kafkaFailure } from './kafka-errors';
import { nestLogCreator } from './kafka-logger';
import type { KafkaMessage } from './kafka-message';
import { KafkaReplies } from './kafka-replies';
import { KafkaReplyAddresses } from './kafka-reply-addresses';
import { assertTopicName, resolveKafkaSettings, type KafkaServerSettings } from './kafka-settings';
import { ensureTopics } from './kafka-topics';
import { probeKafkaCluster } from './kafka-start-probe';
import { fixStartingOffsets } from './kafka-starting-offsets';
import { PartitionAssignment } from './partition-assignment';
import { FetchControl } from './partition-fetch';

/** Identifies this transport to Nest's processing hooks. */
export const KAFKA_TRANSPORT = Symbol.for('nestjs-ack.kafka');

/**
 * nestjs-ack on Kafka (kafkajs). One consumer group; the topics are the
 * handler patterns. Kafka has no per-message ack, so settling is about which
 * offset is committed when: per partition, the commit never passes the lowest
 * offset not yet settled (see `OffsetTracker`), commits are coalesced
 * (`commitInterval`, `commitEveryN`) and flushed on close, before a rebalance
 * and, for `ACK_FIRST`, before the handler runs.
 *
 * - ack: mark settled; the commit follows.
 * - nack: under `ordering: 'partition'` the partition pauses for the delay, then
 *   re-reads from the offset (`PartitionFetch`); other partitions keep flowing.
 *   Under `'key'` / `'none'` only the record's key (or the record) waits.
 * - reject: the original record (value, key, headers) plus the `x-dead-letter-*`
 *   headers is produced to the dead-letter topic (acks=-1), then settled.
 *
 * Delivery counts live in memory (`OffsetTracker`): they restart after a
 * rebalance or a crash.
 */
export class KafkaAckServer extends AckServer<KafkaMessage> {
  readonly brokerSettings: KafkaServerSettings;
  protected readonly commands: KafkaCommands;
  protected override readonly contextType = KafkaAckContext;
  protected override readonly decodePacket;
  protected override readonly replies: KafkaReplies;
  private readonly coalescer: CommitCoalescer;
  private readonly fetchControl: FetchControl;
  private readonly partitions: PartitionAssignment;
  private kafka?: Kafka;
  private consumer?: Consumer;
  private producer?: Producer;
  private admin?: Admin;
  private subscribed: string[] = [];
  /** The consumer joined the group once: from then on a crash restarts it instead of failing the start. */
  private joinedOnce = false;
  /** Fetch answers, crashes and silence, as the server's connection status. */
  private readonly watch: KafkaConnectionWatch;

  constructor(private readonly options: KafkaAckServerOptions) {
    super(options, KAFKA_TRANSPORT);
    this.brokerSettings = resolveKafkaSettings(options);
    this.replies = new KafkaReplies(new KafkaReplyAddresses(options.replyAddresses));
    this.decodePacket = kafkaPacketDecoder(options.deserializer !== undefined, this.brokerSettings.nonJsonValues);
    this.watch = new KafkaConnectionWatch(this.connectionStatus, this.brokerSettings.maxWaitTimeInMs, {
      isClosing: () => this.isClosing,
      ownsPartitions: () => this.partitions.owned > 0,
    });
    const reportError = (error: Error, what: string) => this.reportError(error, what);
    this.coalescer = new CommitCoalescer({
      intervalMs: this.brokerSettings.commitInterval,
      everyN: this.brokerSettings.commitEveryN,
      onError: (error) => this.reportError(error, 'offset commit failed (retried with the next commit)'),
      onCommitted: (topic, partition, offset) => this.partitions.committed(topic, partition, offset),
    });
    this.fetchControl = new FetchControl(reportError);
    // The way of a delivery, one file after the other (docs/kafka.md, "Following a delivery"):
    // onBatch -> PartitionAssignment -> PartitionWorker -> toKafkaMessage -> AckServer.handleMessage.
    this.partitions = new PartitionAssignment(this.fetchControl, this.coalescer, {
      handle: this.handleMessage.bind(this),
      ordering: this.brokerSettings.ordering,
      concurrency: this.settings.concurrency,
      maxQueued: this.brokerSettings.maxQueuedPerPartition,
      maxUncommitted: this.brokerSettings.maxUncommittedPerPartition,
      hurryCommit: (topic, partition) => this.coalescer.hurry(topic, partition),
      reportError,
    });
    this.commands = new KafkaCommands(this.coalescer, this.brokerSettings.deadLetterTopic || undefined);
  }

  /** The kafkajs clients, once started. */
  override unwrap<T>(): T {
    return { kafka: this.kafka, consumer: this.consumer, producer: this.producer, admin: this.admin } as T;
  }

  /**
   * The topic picks the handler. A custom deserializer may name a pattern in
   * the packet: naming another handler's topic is refused (`pattern-mismatch`),
   * so topic ACLs decide what runs; any other name is overruled by the topic.
   */
  protected override patternOfAddress(message: KafkaMessage, named: string): string | null {
    if (named === message.topic) return named;
    return this.messageHandlers.has(named) ? null : message.topic;
  }

  /** Topics this server consumes (known after start). */
  get topics(): string[] {
    return [...this.subscribed];
  }

  /** Connected (the admin client got an answer), consuming (joined, not crashed since), and the group's lag (`backlog`). */
  override probeHealth(): Promise<BrokerHealth> {
    return probeKafka({
      groupId: this.brokerSettings.groupId,
      topics: this.subscribed,
      state: this.currentStatus,
      admin: this.admin,
      consuming: this.consumer !== undefined && this.joinedOnce && this.watch.steady && !this.isClosing,
    });
  }

  /** Each step checks for a close (the core then disconnects what exists); only the group join, which can wait forever, is raced with it. */
  protected override startTarget(): { broker: string; address: string } {
    return { broker: 'Kafka', address: this.brokerSettings.brokers.join(', ') };
  }

  protected async start(): Promise<void> {
    await this.connectAndRun().catch((error) => {
      throw kafkaConnectFailure(error);
    });
    this.watch.start();
  }

  private async connectAndRun(): Promise<void> {
    const settings = this.brokerSettings;
    const topics = [...new Set([...this.messageHandlers.keys(), ...settings.topics])];
    topics.forEach((topic) => assertTopicName(topic, 'handler pattern (a KafkaAckServer pattern is a topic)'));
    this.subscribed = topics;
    await this.unlessClosed(probeKafkaCluster({ ...this.options.client, brokers: settings.brokers, clientId: settings.clientId }));
    this.kafka = new Kafka({ ...this.options.client, brokers: settings.brokers, clientId: settings.clientId, logLevel: settings.logLevel, logCreator: nestLogCreator(this.logger) });
    this.admin = this.kafka.admin();
    await this.admin.connect();
    this.throwIfClosing();
    if (settings.createTopics) {
      await ensureTopics(this.admin, topics, settings.deadLetterTopic || undefined, settings.createTopics);
    }
    this.throwIfClosing();
    this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    this.commands.use(this.producer);
    await this.producer.connect();
    this.throwIfClosing();
    await this.replies.connect(this.kafka, this.options.client?.retry);
    this.throwIfClosing();
    if (topics.length === 0) return;
    await this.runConsumer(topics);
  }

  /**
   * Creates, subscribes and runs the group's consumer; resolves once it joined
   * the group. Used at start and again when kafkajs gave up on a consumer.
   */
  private async runConsumer(topics: string[]): Promise<void> {
    const settings = this.brokerSettings;
    const startedAt = Date.now();
    const consumer = this.kafka!.consumer({
      groupId: settings.groupId,
      sessionTimeout: settings.sessionTimeout,
      rebalanceTimeout: settings.rebalanceTimeout,
      heartbeatInterval: settings.heartbeatInterval,
      maxWaitTimeInMs: settings.maxWaitTimeInMs,
      maxBytesPerPartition: settings.maxBytesPerPartition,
      maxBytes: settings.maxBytes,
      // kafkajs restarts a consumer that crashed on a retriable error: always after the first join, and
      // before it for START_RESTART_WINDOW_MS (a fresh cluster's coordinator is loading); a crash it will
      // not restart fails the start, or after the first join is handled below.
      retry: {
        ...this.options.client?.retry,
        restartOnFailure: async () => shouldRestartConsumer({ joinedOnce: this.joinedOnce, closing: this.isClosing, startedAt, now: Date.now() }),
      },
    });
    this.consumer = consumer;
    this.fetchControl.use(consumer);
    this.coalescer.use(consumer);
    let assignment: Record<string, number[]> = {};
    const joined = new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        assignment = payload.memberAssignment;
        this.partitions.assign(payload.memberAssignment);
        this.joinedOnce = true;
        this.watch.joined();
        resolve();
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        const failure = kafkaFailure(payload.error);
        this.reportError(failure, `Kafka consumer crashed${payload.restart ? ', restarting' : ''}`);
        if (!payload.restart) reject(payload.error);
        if (!this.joinedOnce || this.isClosing) return;
        this.watch.crashed(failure);
        if (!payload.restart) void this.replaceConsumer(consumer);
      });
    });
    joined.catch(() => undefined); // awaited below; a crash after the first join must not be unhandled
    // kafkajs has no "partitions revoked" callback: it emits REBALANCING right before
    // it rejoins. Commit the settled prefix now; the commit is on the wire before the
    // JoinGroup, which first needs a FindCoordinator round trip.
    consumer.on(consumer.events.REBALANCING, () => {
      this.watch.rebalancing();
      void this.coalescer.flush().catch(() => undefined);
    });
    consumer.on(consumer.events.FETCH, () => this.watch.answered());
    await consumer.connect();
    this.throwIfClosing();
    await consumer.subscribe({ topics, fromBeginning: settings.fromBeginning });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: true, eachBatch: (payload) => this.onBatch(payload) });
    await this.unlessClosed(joined);
    // Earliest is where kafkajs starts anyway; the latest end must be fixed before listen() resolves.
    if (!settings.fromBeginning && this.admin) {
      const fixing = fixStartingOffsets(this.admin, consumer, settings.groupId, assignment).catch((error) =>
        this.logger.warn(`could not fix the starting offsets (${asError(error).message}); new partitions start where kafkajs finds their end`),
      );
      await this.unlessClosed(fixing);
    }
  }

  /** kafkajs gave up on `crashed`: a new consumer takes its place, retried with backoff until it joins or the server closes. */
  private async replaceConsumer(crashed: Consumer): Promise<void> {
    if (this.consumer !== crashed || this.isClosing) return;
    await crashed.disconnect().catch(() => undefined);
    const loop = reconnectLoop(DEFAULT_RECONNECT, {
      connect: async () => {
        if (this.consumer && this.consumer !== crashed) await this.consumer.disconnect().catch(() => undefined);
        await this.runConsumer(this.subscribed);
      },
      isClosed: () => this.isClosing,
      onAttemptFailed: (error) => this.reportError(kafkaFailure(error), 'Kafka consumer restart failed (retrying)'),
    });
    await loop.done;
  }

  protected async stopReceiving(): Promise<void> {
    this.partitions.stopAll();
    if (this.consumer && this.subscribed.length > 0) this.consumer.pause(this.subscribed.map((topic) => ({ topic })));
  }

  protected async disconnect(): Promise<void> {
    this.watch.stop();
    try {
      await this.coalescer.flush();
    } catch {
      // reported by the coalescer; the uncommitted messages are delivered again
    }
    this.coalescer.stop();
    await this.closeClients();
  }

  /** Closes every client created so far, once. */
  private async closeClients(): Promise<void> {
    const { consumer, producer, admin } = this;
    this.consumer = this.producer = this.admin = undefined;
    this.fetchControl.use(undefined);
    this.coalescer.use(undefined);
    this.commands.use(undefined);
    await consumer?.disconnect().catch((error) => this.reportError(kafkaFailure(error), 'Kafka consumer disconnect'));
    await producer?.disconnect().catch((error) => this.reportError(kafkaFailure(error), 'Kafka producer disconnect'));
    await this.replies.close().catch((error) => this.reportError(kafkaFailure(error), 'Kafka reply producer disconnect'));
    await admin?.disconnect().catch((error) => this.reportError(kafkaFailure(error), 'Kafka admin disconnect'));
  }

  private async onBatch({ batch, isStale }: EachBatchPayload): Promise<void> {
    if (isStale() || this.isClosing) return;
    this.partitions.receive(batch.topic, batch.partition, batch.messages);
  }
}
