import { logLevel } from 'kafkajs';
import type { KafkaAckServerOptions, KafkaOrdering } from './kafka-ack-server-options';
import type { NonJsonValues } from './kafka-codec';
import type { KafkaTopicCreation } from './kafka-topic-creation';
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
    logLevel: logLevel;
}
export declare function assertTopicName(name: unknown, what: string): asserts name is string;
/** Checks a Kafka bootstrap broker list (`host:port` strings; a comma-separated string is accepted too). */
export declare function assertBrokers(value: unknown, option?: string): string[];
export declare function resolveKafkaSettings(options: KafkaAckServerOptions): KafkaServerSettings;
