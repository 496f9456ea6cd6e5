import { type ConsumerInfo, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { type NatsConnection } from '@nats-io/transport-node';
import type { DeadLetterView } from '../conformance/adapter';
/** The server under test; never printed (it may carry credentials). */
export declare const NATS_URL: string;
/** An admin connection for tests: provisioning, consumer info, reading streams. */
export interface NatsAdmin {
    nc: NatsConnection;
    js: JetStreamClient;
    jsm: JetStreamManager;
}
export declare function natsAdmin(): Promise<NatsAdmin>;
/** A stream name no earlier run used (stream names take no dots). */
export declare function uniqueStream(prefix: string): string;
/**
 * Messages the consumer still owes: not yet delivered (`num_pending`) plus
 * delivered and not settled, including naks waiting for their delay
 * (`num_ack_pending`). A delivery whose ack_wait ran out while nobody pulls is
 * in both counts until it is redelivered; tests keep ack_wait above their waits.
 */
export declare function outstandingOf(info: ConsumerInfo): number;
export declare function consumerInfo(admin: NatsAdmin, stream: string, consumer: string): Promise<ConsumerInfo>;
/** Messages stored on `subject` in `stream`, counted by the server. */
export declare function storedOn(admin: NatsAdmin, stream: string, subject: string): Promise<number>;
/** Every message stored on `subject` in `stream`, in order. */
export declare function streamMessages(admin: NatsAdmin, stream: string, subject: string): Promise<import("@nats-io/jetstream").StoredMsg[]>;
/** The dead letters stored for `subject` (under the server's dead-letter subject prefix), as the suite reads them. */
export declare function natsDeadLetters(admin: NatsAdmin, deadLetterStream: string, subjectPrefix: string, subject: string): Promise<DeadLetterView[]>;
/** Deletes streams (and with them their consumers); missing ones are fine. */
export declare function deleteStreams(admin: NatsAdmin, ...streams: string[]): Promise<void>;
