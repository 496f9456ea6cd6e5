import 'reflect-metadata';
import { type BrokerBench } from './measure';
/**
 * Kafka, a 3-partition topic: kafkajs `eachMessage` with auto-commit (most
 * apps' baseline) and `eachBatch` + `resolveOffset` + commits (at-least-once,
 * like ours), Nest's `ServerKafka`, `KafkaAckServer` without and with
 * `AckModule`. Every contender reads the same backlog topic with a fresh
 * consumer group, all partitions concurrently.
 */
export declare function kafkaBench(): BrokerBench;
/**
 * `ordering: 'key'` against `'partition'` (issue 20): `KafkaAckServer` with
 * `AckModule`, a handler awaiting 5 ms, a 3-partition topic whose records have
 * 20 keys, `concurrency` 20 for both. Under `'partition'` a partition runs one
 * handler at a time (at most 3 at once); under `'key'` one per key. Rounds
 * interleave the two; the figure is the median.
 */
export declare function benchKafkaOrdering(messages: number, rounds: number): Promise<Array<{
    name: string;
    perSecond: number;
}>>;
