import { Kafka, type Admin, type KafkaMessage } from 'kafkajs';
import { KafkaAckClient } from '../../lib/kafka';
/** The broker under test (env KAFKA_BROKERS). */
export declare const KAFKA_BROKERS: string[];
/** A kafkajs client for test-side work, quiet. */
export declare function testKafka(clientId?: string): Kafka;
/** One connected admin client shared by a test file; `closeSharedAdmin()` in `after()`. */
export declare function sharedAdmin(): Promise<Admin>;
export declare function closeSharedAdmin(): Promise<void>;
/** Creates topics (waiting for leaders). */
export declare function createTopic(topic: string | string[], numPartitions?: number): Promise<void>;
/** Deletes topics and groups, ignoring the ones already gone. */
export declare function deleteTopicsAndGroups(topics: string[], groups?: string[]): Promise<void>;
/** Per partition: end offset (high watermark), start offset, the group's committed offset (-1 when none). */
export declare function partitionOffsets(topic: string, groupId: string): Promise<Array<{
    partition: number;
    high: number;
    low: number;
    committed: number;
}>>;
/** The group's committed offset of one partition (-1 when none). */
export declare function committedOffset(topic: string, groupId: string, partition?: number): Promise<number>;
/** Records the group has not committed yet: end offset minus committed offset (start offset when none), summed over partitions. */
export declare function uncommitted(topic: string, groupId: string): Promise<number>;
/** End offsets summed over the topic's partitions (0 when the topic does not exist). */
export declare function endOffsetTotal(topic: string): Promise<number>;
/** Reads every record of a topic from the beginning with a throwaway group, up to the end offsets seen at the call. */
export declare function readTopic(topic: string, { timeoutMs }?: {
    timeoutMs?: number | undefined;
}): Promise<Array<KafkaMessage & {
    partition: number;
}>>;
/** Our client for tests: kafkajs logs only with TEST_LOG=1 (a deleted topic of an earlier test makes metadata noise). */
export declare function testClient(clientId: string): KafkaAckClient;
/** Members of a consumer group, as its coordinator lists them (0 when the group is empty or unknown). */
export declare function groupMembers(groupId: string): Promise<number>;
/** A topic's effective `max.message.bytes`. */
export declare function maxMessageBytes(topic: string): Promise<number>;
/**
 * Sets a topic's `max.message.bytes` (its only config override: `alterConfigs` replaces them all),
 * and waits until the broker reports it. `undefined` restores the value it had before the first change.
 */
export declare function setMaxMessageBytes(topic: string, bytes: number | undefined): Promise<void>;
