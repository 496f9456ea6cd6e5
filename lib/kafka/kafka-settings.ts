import { logLevel } from 'kafkajs';
import { InvalidOptionError } from '../core/errors';
import { assertAddressList, assertBoolean } from '../core/option-checks';
import { KAFKA_SERVER_KEYS, type KafkaAckServerOptions, type KafkaOrdering, type KafkaTopicCreation } from './kafka-ack-server-options';
import { assertKnownKeys } from '../core/option-keys';
import type { NonJsonValues } from './kafka-codec';

/** `KafkaAckServerOptions` (Kafka part) with defaults applied and every value checked. */
export interface KafkaServerSettings {
  brokers: string[];
  clientId: string;
  groupId: string;
  topics: string[];
  createTopics: Required<KafkaTopicCreation> | false;
  fromBeginning: boolean;
  sessionTimeout: number;
  rebalanceTimeout: number;
  heartbeatInterval: number;
  maxWaitTimeInMs: number;
  commitInterval: number;
  commitEveryN: number;
  deadLetterTopic: ((topic: string) => string) | false;
  maxQueuedPerPartition: number;
  ordering: KafkaOrdering;
  maxUncommittedPerPartition: number;
  nonJsonValues: NonJsonValues;
  maxBytesPerPartition: number;
  maxBytes: number;
  logLevel: logLevel;
}

/** Kafka's legal topic names. */
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export function assertTopicName(name: unknown, what: string): asserts name is string {
  if (typeof name !== 'string' || !TOPIC_NAME.test(name) || name === '.' || name === '..') {
    throw new InvalidOptionError(what, name, 'a Kafka topic name (1-249 of a-z A-Z 0-9 . _ -)');
  }
}

/** Checks a Kafka bootstrap broker list (`host:port` strings; a comma-separated string is accepted too). */
export function assertBrokers(value: unknown, option = 'brokers'): string[] {
  return assertAddressList(value ?? ['127.0.0.1:9092'], option, /^[^\s:,]+:\d+$/, 'a non-empty array of "host:port" strings');
}

function fail(option: string, value: unknown, allowed: string): never {
  throw new InvalidOptionError(option, value, allowed);
}

function integer(options: KafkaAckServerOptions, option: keyof KafkaAckServerOptions, fallback: number, min: number): number {
  const value = options[option] ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) fail(option, value, `an integer >= ${min}`);
  return value;
}

export function resolveKafkaSettings(options: KafkaAckServerOptions): KafkaServerSettings {
  assertKnownKeys(options, KAFKA_SERVER_KEYS, 'KafkaAckServer');
  if (!options || typeof options.groupId !== 'string' || options.groupId.length === 0) {
    fail('groupId', options?.groupId, 'a non-empty string (the consumer group of this server; required)');
  }
  const brokers = assertBrokers(options.brokers);
  const clientId = options.clientId ?? 'nestjs-ack';
  if (typeof clientId !== 'string' || clientId.length === 0) fail('clientId', clientId, 'a non-empty string');
  const topics = options.topics ?? [];
  if (!Array.isArray(topics)) fail('topics', topics, 'an array of topic names');
  topics.forEach((topic) => assertTopicName(topic, 'KafkaAckServer option topics entry'));
  let createTopics: KafkaServerSettings['createTopics'] = false;
  if (options.createTopics === true || (typeof options.createTopics === 'object' && options.createTopics !== null)) {
    const given = options.createTopics === true ? {} : options.createTopics;
    createTopics = { numPartitions: given.numPartitions ?? 1, replicationFactor: given.replicationFactor ?? -1 };
    if (!Number.isInteger(createTopics.numPartitions) || createTopics.numPartitions < 1) fail('createTopics.numPartitions', createTopics.numPartitions, 'an integer >= 1');
    if (!Number.isInteger(createTopics.replicationFactor) || (createTopics.replicationFactor < 1 && createTopics.replicationFactor !== -1)) {
      fail('createTopics.replicationFactor', createTopics.replicationFactor, 'an integer >= 1, or -1 for the broker default');
    }
  } else if (options.createTopics !== undefined && options.createTopics !== false) {
    fail('createTopics', options.createTopics, 'true, false, or { numPartitions, replicationFactor }');
  }
  const fromBeginning = assertBoolean(options.fromBeginning ?? false, 'fromBeginning');
  const sessionTimeout = integer(options, 'sessionTimeout', 30_000, 1);
  const heartbeatInterval = integer(options, 'heartbeatInterval', 3_000, 1);
  if (heartbeatInterval >= sessionTimeout) fail('heartbeatInterval', heartbeatInterval, `an integer below sessionTimeout (${sessionTimeout})`);
  let deadLetterTopic: KafkaServerSettings['deadLetterTopic'];
  const dlt = options.deadLetterTopic;
  if (dlt === undefined) deadLetterTopic = (topic) => `${topic}.dlt`;
  else if (dlt === false) deadLetterTopic = false;
  else if (typeof dlt === 'function') deadLetterTopic = dlt;
  else if (typeof dlt === 'string') {
    assertTopicName(dlt, 'KafkaAckServer option deadLetterTopic');
    deadLetterTopic = () => dlt;
  } else fail('deadLetterTopic', dlt, 'a topic name, a function of the source topic, or false');
  const ordering = options.ordering ?? 'partition';
  if (ordering !== 'partition' && ordering !== 'key' && ordering !== 'none') fail('ordering', ordering, "'partition', 'key' or 'none'");
  const nonJsonValues = options.nonJsonValues ?? 'pass';
  if (nonJsonValues !== 'pass' && nonJsonValues !== 'reject') fail('nonJsonValues', nonJsonValues, "'pass' or 'reject'");
  const maxBytesPerPartition = integer(options, 'maxBytesPerPartition', 1_048_576, 1);
  const maxBytes = integer(options, 'maxBytes', 10_485_760, 1);
  if (maxBytes < maxBytesPerPartition) fail('maxBytes', maxBytes, `an integer >= maxBytesPerPartition (${maxBytesPerPartition})`);
  const level = options.logLevel ?? logLevel.WARN;
  if (!Object.values(logLevel).includes(level)) fail('logLevel', level, 'a kafkajs logLevel (NOTHING, ERROR, WARN, INFO, DEBUG)');
  return {
    brokers,
    clientId,
    groupId: options.groupId,
    topics,
    createTopics,
    fromBeginning,
    sessionTimeout,
    rebalanceTimeout: integer(options, 'rebalanceTimeout', 60_000, 1),
    heartbeatInterval,
    maxWaitTimeInMs: integer(options, 'maxWaitTimeInMs', 100, 0),
    commitInterval: integer(options, 'commitInterval', 100, 0),
    commitEveryN: integer(options, 'commitEveryN', 100, 1),
    deadLetterTopic,
    maxQueuedPerPartition: integer(options, 'maxQueuedPerPartition', 500, 1),
    ordering,
    maxUncommittedPerPartition: integer(options, 'maxUncommittedPerPartition', 1000, 1),
    nonJsonValues,
    maxBytesPerPartition,
    maxBytes,
    logLevel: level,
  };
}
