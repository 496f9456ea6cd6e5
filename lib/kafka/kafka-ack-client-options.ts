import type { KafkaConfig, logLevel } from 'kafkajs';
import type { AllListed, KeysListed, OptionKeys } from '../core/option-keys';

/** Options of `KafkaAckClient`. */
export interface KafkaAckClientOptions {
  /** Bootstrap brokers, `host:port`. @defaultValue ['127.0.0.1:9092'] */
  brokers?: string[];
  /** Client id of the producer and reply consumer. @defaultValue 'nestjs-ack-client' */
  clientId?: string;
  /** Further kafkajs client settings (`ssl`, `sasl`, timeouts...). Never logged. @defaultValue {} */
  client?: Omit<KafkaConfig, 'brokers' | 'clientId' | 'logCreator' | 'logLevel'>;
  /**
   * Topic the replies of `send()` come back on (header `kafka_replyTopic`).
   * When not given, a topic of this client's own is created at the first
   * `send()` and deleted at `close()`.
   * @defaultValue `nestjs-ack.replies.<random id>`
   */
  replyTopic?: string;
  /** Consumer group reading `replyTopic`. @defaultValue the reply topic's name */
  replyGroupId?: string;
  /** kafkajs log level, logged through Nest's logger. @defaultValue logLevel.WARN */
  logLevel?: logLevel;
  /** Names this client in its logs: the logger context becomes `KafkaAckClient:<name>`. @defaultValue undefined (the class name alone) */
  name?: string;
}

const KAFKA_CLIENT_OPTION_NAMES = ['brokers', 'clientId', 'client', 'replyTopic', 'replyGroupId', 'logLevel', 'name'] as const satisfies readonly (keyof KafkaAckClientOptions)[];
type _Client = AllListed<KeysListed<KafkaAckClientOptions, typeof KAFKA_CLIENT_OPTION_NAMES>>;
/** The keys `KafkaAckClient` takes (see `assertKnownKeys`); `client` is kafkajs' own, not checked. */
export const KAFKA_CLIENT_KEYS: OptionKeys = { keys: KAFKA_CLIENT_OPTION_NAMES };
