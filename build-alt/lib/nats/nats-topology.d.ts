import { type ConsumerConfig, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsServerSettings } from './nats-settings';
import type { ServerFeatures } from './nats-version';
/** One durable consumer the server pulls from, and the subjects it filters. */
export interface ConsumerPlan {
    name: string;
    subjects: string[];
}
/**
 * The consumers for `subjects`: one when a single subject or when the server
 * takes several filter subjects (2.10+), else one per subject, named
 * `<consumer>-<readable subject>-<hash>` so the name stays the same across restarts.
 */
export declare function planConsumers(consumer: string, subjects: string[], features: ServerFeatures): ConsumerPlan[];
export declare function perSubjectName(consumer: string, subject: string): string;
/** Whether stream subject `filter` (with wildcards) captures `subject` (which may have wildcards too). */
export declare function subjectCovers(filter: string, subject: string): boolean;
/** Creates or extends the stream and the dead-letter stream (`ensureStream`), or checks that they exist. */
export declare function provisionStreams(jsm: JetStreamManager, settings: NatsServerSettings, subjects: string[]): Promise<void>;
/** The configuration the server needs on each consumer. `max_deliver` is unlimited: the retry rules are ours, and the server must never drop a message before our reject dead-lettered it. */
export declare function consumerConfig(settings: NatsServerSettings, plan: ConsumerPlan): Partial<ConsumerConfig>;
/** Creates or updates each planned consumer (`ensureConsumer`), or checks that it exists and cannot drop messages. */
export declare function provisionConsumers(jsm: JetStreamManager, settings: NatsServerSettings, plans: ConsumerPlan[], maxDeliveries: number): Promise<void>;
/** JetStream's "stream not found" (10059) and "consumer not found" (10014). */
export declare function isNotFound(error: unknown): boolean;
