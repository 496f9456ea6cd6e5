import type { KafkaConfig, logLevel } from 'kafkajs';
import type { AckServerOptions } from '../core/ack-server-options';
import { REPLY_ADDRESS_OPTION_NAMES, serverOptionKeys, type AllListed, type KeysListed } from '../core/option-keys';
import type { ReplyAddressOptions } from '../core/reply-address-allow-list';

/**
 * The order a partition's records are handled in:
 * - `'partition'`: one at a time per partition, in offset order;
 * - `'key'`: records with the same key one at a time in offset order, different
 *   keys of one partition side by side (records without a key count as one key);
 * - `'none'`: side by side in any order.
 */
export type KafkaOrdering = 'partition' | 'key' | 'none';

/** How `createTopics` creates the topics it creates. */
export interface KafkaTopicCreation {
  /** Partitions of each created topic (handler topics and dead-letter topics). @defaultValue 1 */
  numPartitions?: number;
  /** Replicas of each created topic; -1 takes the broker's default. @defaultValue -1 */
  replicationFactor?: number;
}

/** `replyAddresses` of `KafkaAckServer`: the allow-list of reply topics (see `KafkaReplyAddresses`). */
export interface KafkaReplyAddressOptions extends ReplyAddressOptions {
  /**
   * Also accept `<topic>.reply` for a request read from `<topic>`: where Nest's
   * `ClientKafka` reads the replies of that pattern. Only the request's own
   * topic's; kept when `prefixes` / `names` are given.
   * @defaultValue true
   */
  patternReplyTopics?: boolean;
}

/**
 * Options of `KafkaAckServer`. The topics consumed are the handlers'
 * patterns (plus `topics`); `concurrency` (from `AckServerOptions`, default
 * 10) is the number of handlers running at once across partitions; how many of
 * them one partition may run is set by `ordering`.
 */
export interface KafkaAckServerOptions extends AckServerOptions {
  /** Bootstrap brokers, `host:port`. @defaultValue ['127.0.0.1:9092'] */
  brokers?: string[];
  /** Client id of the consumer, producer and admin connections. @defaultValue 'nestjs-ack' */
  clientId?: string;
  /**
   * Further kafkajs client settings (`ssl`, `sasl`, `connectionTimeout`,
   * `requestTimeout`, `retry`...). Never logged.
   * @defaultValue {}
   */
  client?: Omit<KafkaConfig, 'brokers' | 'clientId' | 'logCreator' | 'logLevel'>;
  /** Consumer group of this server; servers sharing it share the partitions. Required. @defaultValue none (start fails naming `groupId`) */
  groupId: string;
  /**
   * Topics to consume besides the handler patterns. A message on a topic
   * without a handler is dead-lettered with reason `no-handler`.
   * @defaultValue []
   */
  topics?: string[];
  /**
   * Create the consumed topics (and their dead-letter topics) with the admin
   * client at start, waiting for their leaders. `true` uses the defaults of
   * `KafkaTopicCreation`. Existing topics are left as they are.
   * @defaultValue false
   */
  createTopics?: boolean | KafkaTopicCreation;
  /**
   * Where a group without a committed offset starts: the earliest record
   * (`true`) or the end of the partition (`false`, Kafka's `latest`; records
   * produced before `listen()` resolved are not read; every later one is).
   * @defaultValue false
   */
  fromBeginning?: boolean;
  /** Group session timeout (ms): a member silent this long is removed and its partitions reassigned. Within the broker's `group.min/max.session.timeout.ms`. @defaultValue 30000 */
  sessionTimeout?: number;
  /** Time (ms) members get to rejoin during a rebalance. @defaultValue 60000 */
  rebalanceTimeout?: number;
  /** Heartbeat interval (ms); must be below `sessionTimeout`. Heartbeats continue while handlers run. @defaultValue 3000 */
  heartbeatInterval?: number;
  /**
   * Longest time (ms) a fetch waits on the broker for new records; also how
   * long kafkajs sleeps when every partition of a broker is paused (each
   * partition pauses while `maxQueuedPerPartition` records wait), so it bounds
   * how late a paused partition resumes. An idle consumer sends a fetch this
   * often per broker. @defaultValue 100
   */
  maxWaitTimeInMs?: number;
  /**
   * Longest time (ms) a settlement waits before its offset is committed.
   * Commits are coalesced: a crash loses at most this window's commits
   * (those messages are delivered again: duplicates, never a loss).
   * `ACK_FIRST` acks never wait: they commit before the handler runs.
   * @defaultValue 100
   */
  commitInterval?: number;
  /** Settlements that trigger a commit at once, before `commitInterval` elapsed. @defaultValue 100 */
  commitEveryN?: number;
  /**
   * Dead-letter topic of a source topic: a fixed topic name, a function of the
   * source topic, or `false` to drop rejected messages (their offset is then
   * committed without a copy).
   * @defaultValue `<topic>.dlt`
   */
  deadLetterTopic?: string | false | ((topic: string) => string);
  /** Records fetched and waiting per partition before fetching that partition pauses. @defaultValue 500 */
  maxQueuedPerPartition?: number;
  /**
   * Order of handling within a partition (see `KafkaOrdering`). With `'key'`
   * and `'none'` one partition runs up to `concurrency` handlers at once. A
   * nack holds back the whole partition under `'partition'`, only its key
   * under `'key'`, only itself under `'none'`. Commits are the same in every
   * mode: never past the lowest offset not settled.
   * @defaultValue 'partition'
   */
  ordering?: KafkaOrdering;
  /**
   * Offsets a partition hands to handlers past its last commit the broker
   * confirmed; the next waits for that commit. This is the in-flight window of
   * a crash: after a SIGKILL at most this many records per partition the
   * consumer owned are handled again (with fewer, faster commits). A record
   * that stays unsettled (a slow handler, a nack waiting for its delay, a
   * MANUAL handler not settling) stops its partition this far past it. A
   * partition runs at most this many records per commit round trip; the
   * commit is asked for at once when half the window is used.
   * @defaultValue 1000
   */
  maxUncommittedPerPartition?: number;
  /**
   * What happens to a record whose value is not JSON. `'pass'` reads values the
   * way Nest's Kafka transport does: text that is not JSON reaches the handler
   * as a string, an empty value as `''`, a tombstone (null value) as `null`, a
   * value starting with a zero byte (schema-registry framing) as a Buffer.
   * `'reject'` dead-letters every value that is not a JSON text (those included)
   * with reason `deserialization`, untouched. Either way, a value starting with
   * `{` or `[` that does not parse, and text that is not valid UTF-8, are
   * dead-lettered as `deserialization`.
   * @defaultValue 'pass'
   */
  nonJsonValues?: 'pass' | 'reject';
  /**
   * Reply topics a request may name in `kafka_replyTopic`. Any other one is
   * dead-lettered as `invalid-reply-address` before its handler runs, and
   * nothing is published; replies never create a topic (their producer asks
   * the broker not to). Given `prefixes` / `names` replace the default list;
   * `<topic>.reply` of the request's own topic (Nest's `ClientKafka`) stays
   * accepted unless `patternReplyTopics: false`. Add the `replyTopic` of every
   * `KafkaAckClient` that sets one.
   * @defaultValue `{ prefixes: ['nestjs-ack.replies.'], names: [], patternReplyTopics: true }`
   */
  replyAddresses?: KafkaReplyAddressOptions;
  /**
   * Most bytes one fetch asks for per partition (kafkajs `maxBytesPerPartition`).
   * A record batch larger than this still comes whole when it is the first of
   * its partition (Kafka 0.10.1+), so it need not reach `maxMessageBytes` or the
   * topic's `max.message.bytes`; it bounds what one fetch adds to a partition's
   * queue.
   * @defaultValue 1048576 (1 MiB)
   */
  maxBytesPerPartition?: number;
  /**
   * Most bytes one fetch response holds across partitions (kafkajs `maxBytes`);
   * at least `maxBytesPerPartition`. The same first-batch exception applies.
   * @defaultValue 10485760 (10 MiB)
   */
  maxBytes?: number;
  /** kafkajs log level, logged through Nest's logger. @defaultValue logLevel.WARN */
  logLevel?: logLevel;
}

/** The names `KafkaAckServerOptions` adds to the common ones (see `assertKnownKeys`). */
const KAFKA_SERVER_OPTION_NAMES = [
  'brokers', 'clientId', 'client', 'groupId', 'topics', 'createTopics', 'fromBeginning', 'sessionTimeout', 'rebalanceTimeout',
  'heartbeatInterval', 'maxWaitTimeInMs', 'commitInterval', 'commitEveryN', 'deadLetterTopic', 'maxQueuedPerPartition', 'ordering',
  'maxUncommittedPerPartition', 'nonJsonValues', 'replyAddresses', 'maxBytesPerPartition', 'maxBytes', 'logLevel',
] as const satisfies readonly (keyof KafkaAckServerOptions)[];
type _Server = AllListed<KeysListed<Omit<KafkaAckServerOptions, keyof AckServerOptions>, typeof KAFKA_SERVER_OPTION_NAMES>>;
const TOPIC_CREATION_NAMES = ['numPartitions', 'replicationFactor'] as const satisfies readonly (keyof KafkaTopicCreation)[];
type _TopicCreation = AllListed<KeysListed<KafkaTopicCreation, typeof TOPIC_CREATION_NAMES>>;
const KAFKA_REPLY_ADDRESS_NAMES = [...REPLY_ADDRESS_OPTION_NAMES, 'patternReplyTopics'] as const satisfies readonly (keyof KafkaReplyAddressOptions)[];
type _ReplyAddresses = AllListed<KeysListed<KafkaReplyAddressOptions, typeof KAFKA_REPLY_ADDRESS_NAMES>>;
/** `client` is kafkajs' configuration, passed through: its keys are not checked here. */
export const KAFKA_SERVER_KEYS = serverOptionKeys(KAFKA_SERVER_OPTION_NAMES, {
  createTopics: { keys: TOPIC_CREATION_NAMES },
  replyAddresses: { keys: KAFKA_REPLY_ADDRESS_NAMES },
});
