import { Redis } from 'ioredis';
import type { DeadLetterView } from '../conformance/adapter';
export declare const REDIS_URL: string;
/** One connection for the tests' own reads and clean-ups (its commands wait across a Redis restart). */
export declare function redisAdmin(): Redis;
export declare function closeRedisAdmin(): Promise<void>;
/** `XINFO GROUPS` of `stream` as objects (empty when the stream does not exist). */
export declare function groupsOf(stream: string): Promise<Record<string, unknown>[]>;
/** `XINFO GROUPS` of the group on `stream`. */
export declare function groupInfo(stream: string, group: string): Promise<Record<string, unknown> | undefined>;
/**
 * Entries of `stream` the group has not settled: pending (delivered, not
 * acked, nacked ones included) plus not yet read (`lag`, or counted from
 * the last delivered id when Redis cannot tell the lag); the whole stream when the group does not exist yet.
 */
export declare function outstandingIn(stream: string, group: string): Promise<number>;
/** One pending entry as `XPENDING <stream> <group> - + <count>` reports it. */
export interface PendingEntry {
    id: string;
    consumer: string;
    idleMs: number;
    timesDelivered: number;
}
export declare function pendingEntries(stream: string, group: string, count?: number): Promise<PendingEntry[]>;
/** Consumers of the group on `stream` (`XINFO CONSUMERS`). */
export declare function consumersOf(stream: string, group: string): Promise<{
    name: string;
    pending: number;
}[]>;
/** The entries of a dead-letter stream as the conformance suite reads them. */
export declare function deadLettersIn(dlq: string): Promise<{
    id: string;
    fields: Map<string, Buffer>;
    view: DeadLetterView;
}[]>;
/** Deletes keys (streams, dead-letter streams, lists). */
export declare function deleteKeys(keys: string[]): Promise<void>;
