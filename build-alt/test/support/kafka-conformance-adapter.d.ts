import { type KafkaOrdering } from '../../lib/kafka';
import type { ConformanceAdapter, DeadLetterView } from '../conformance/adapter';
/** Server settings that keep per-test start and redelivery fast. */
export declare const FAST_KAFKA: {
    readonly sessionTimeout: 6000;
    readonly heartbeatInterval: 500;
    readonly rebalanceTimeout: 6000;
    readonly maxWaitTimeInMs: 50;
    readonly commitInterval: 20;
};
/** Decodes a dead-letter record's headers into the suite's view. */
export declare function deadLetterView(record: {
    value: Buffer | null;
    headers?: Record<string, unknown>;
}): DeadLetterView;
/**
 * Runs the conformance suite on Kafka: a topic per pattern (3 partitions,
 * created by the server's `createTopics`, with `<topic>.dlt`), a fresh group
 * per start; `outstanding` is end offset minus the group's committed offset
 * (so a message waiting for a delayed nack counts), dead letters are read
 * from `<topic>.dlt`. Topics and the group are deleted at close. `ordering`
 * is the server's (default: the server's default, `'partition'`).
 */
export declare function kafkaConformanceAdapter(ordering?: KafkaOrdering): ConformanceAdapter;
