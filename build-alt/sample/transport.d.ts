import type { ClientProxy } from '@nestjs/microservices';
import type { AckServer } from '../lib';
/** A dead letter as the broker stores it: the pattern it was sent to (from its body, topic, stream or subject) and why. */
export interface StoredDeadLetter {
    pattern: string;
    reason: string;
}
/** What the broker itself says at the end of a run (read with the broker's own client, not from the server's events). */
export interface BrokerView {
    /** The raw figures read, printed as they are (queue depth, offsets, XPENDING, row states...). */
    lines: string[];
    /** Messages the broker still holds as not settled: waiting, delivered and unacked, or pending a redelivery. */
    unsettled: number;
    /** Every entry of the dead-letter target(s) of this run. */
    deadLetters: StoredDeadLetter[];
    /** Acks by pattern, where the broker keeps a record of each (in-memory history, PostgreSQL rows); elsewhere acked = sent - dead-lettered - unsettled. */
    ackedByPattern?: Record<string, number>;
    /** Redeliveries (deliveries after the first) by pattern, where the broker counts them for every message. */
    retriedByPattern?: Record<string, number>;
}
/** One broker for the sample: a server and a client on this run's own names, and a view of the broker's state. */
export interface SampleTransport {
    /** The broker and the names this run uses, for the first line of output. */
    description: string;
    server: AckServer<any>;
    client: ClientProxy;
    /** Puts bytes that are not a valid message where `pattern`'s messages go, with the broker's raw client. */
    publishPoison(pattern: string): Promise<void>;
    /** Reads the broker's state (after the app closed). */
    readBroker(): Promise<BrokerView>;
    /** Deletes what this run created (queues, topics, streams, tables); `SAMPLE_KEEP=1` keeps them to look at. */
    cleanup(): Promise<void>;
}
/** Builds a transport for this run: `patterns` are every pattern the producer uses (the handlers' and the unhandled one). */
export type SampleTransportFactory = (patterns: string[]) => Promise<SampleTransport>;
/** The pattern named in a Nest envelope `{ pattern, data }`, or undefined when the body is not one. */
export declare function patternInBody(body: Buffer | Uint8Array): string | undefined;
/** Adds one to `counts[key]`. */
export declare function countInto(counts: Record<string, number>, key: string, by?: number): Record<string, number>;
