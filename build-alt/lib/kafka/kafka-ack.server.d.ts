import { AckServer } from '../core/ack-server';
import type { BrokerHealth } from '../core/broker-health';
import type { KafkaAckServerOptions } from './kafka-ack-server-options';
import { KafkaCommands } from './kafka-commands';
import { KafkaAckContext } from './kafka-context';
import type { KafkaMessage } from './kafka-message';
import { KafkaReplies } from './kafka-reply';
import { type KafkaServerSettings } from './kafka-settings';
/** Identifies this transport to Nest's processing hooks. */
export declare const KAFKA_TRANSPORT: unique symbol;
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
export declare class KafkaAckServer extends AckServer<KafkaMessage> {
    private readonly options;
    readonly brokerSettings: KafkaServerSettings;
    protected readonly commands: KafkaCommands;
    protected readonly contextType: typeof KafkaAckContext;
    protected readonly decodePacket: import("..").PacketDecoder<KafkaMessage>;
    protected readonly replies: KafkaReplies;
    private readonly coalescer;
    private readonly fetchControl;
    private readonly partitions;
    private kafka?;
    private consumer?;
    private producer?;
    private admin?;
    private subscribed;
    /** The consumer joined the group once: from then on a crash restarts it instead of failing the start. */
    private joinedOnce;
    /** Crashes since the last join, for the status events. */
    private crashes;
    /** A broker outage kafkajs rides out without a crash shows only as silence (status events). */
    private readonly liveness;
    private livenessTimer?;
    /** Between kafkajs's REBALANCING and the next GROUP_JOIN nothing is fetched, by design. */
    private rejoining;
    constructor(options: KafkaAckServerOptions);
    /** The kafkajs clients, once started. */
    unwrap<T>(): T;
    /** Topics this server consumes (known after start). */
    get topics(): string[];
    /** Connected (the admin client got an answer), consuming (joined, not crashed since), and the group's lag (`backlog`). */
    probeHealth(): Promise<BrokerHealth>;
    /** Each step checks for a close (the core then disconnects what exists); only the group join, which can wait forever, is raced with it. */
    protected start(): Promise<void>;
    /** Fetches went silent while partitions are assigned: the broker is gone (kafkajs retries on its own). */
    private checkLiveness;
    /** A fetch or a join answered: ends a reported outage. */
    private brokerAnswered;
    private connectAndRun;
    /**
     * Creates, subscribes and runs the group's consumer; resolves once it joined
     * the group. Used at start and again when kafkajs gave up on a consumer.
     */
    private runConsumer;
    /** kafkajs gave up on `crashed`: a new consumer takes its place, retried with backoff until it joins or the server closes. */
    private replaceConsumer;
    protected stopReceiving(): Promise<void>;
    protected disconnect(): Promise<void>;
    /** Closes every client created so far, once. */
    private closeClients;
    private onBatch;
}
