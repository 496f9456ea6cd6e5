import type { Admin } from 'kafkajs';
import type { BrokerHealth } from '../core/broker-health';
import type { AckServerStatus } from '../core/settlement-event';
/** What the probe reads from the server at the moment of a check. */
export interface KafkaHealthSource {
    groupId: string;
    topics: readonly string[];
    state: AckServerStatus;
    /** The server's own admin client, undefined before the start and after the close. */
    admin: Admin | undefined;
    /** The group's consumer joined and has not crashed since. */
    consuming: boolean;
}
/** Lag of one topic: the end offsets minus the group's committed offsets, summed over its partitions. */
export interface KafkaTopicLag {
    topic: string;
    lag: number;
}
/**
 * Consumer-group lag from two admin requests, the end offsets
 * (`fetchTopicOffsets`) and the committed ones (`fetchOffsets`). A partition
 * the group never committed counts from its log start. The requests go through
 * the server's own admin client: a broker that is down makes them fail or hang
 * (kafkajs retries), which the caller's timeout turns into `down`.
 */
export declare function probeKafka(source: KafkaHealthSource): Promise<BrokerHealth>;
