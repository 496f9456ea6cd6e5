import type { AckPolicy } from '../lib/core';
import { type Driver } from './drivers';
export interface Result {
    transport: string;
    scenario: string;
    policy: string;
    seeds: number;
    sent: number;
    processed: number;
    duplicates: number;
    lost: number;
    deadLettered: number;
    /** The bound duplicates (and ACK_FIRST losses) must stay within; undefined: none asserted. */
    window?: number;
    notes: string[];
    failures: string[];
    durationMs: number;
}
export interface Sizes {
    kill: number;
    term: number;
    restart: number;
    poison: number;
    flaky: number;
    cluster: number;
    seeds: number;
    handlerDelayMs: number;
}
/** Private broker sets started by scripts/cluster.sh; `env` is what the script needs to find them. */
export interface BrokerSet {
    name: string;
    env: Record<string, string>;
}
export declare function clusterSh(set: BrokerSet, ...args: string[]): Promise<string>;
export declare const RABBIT_PREFETCH = 20;
export declare const KAFKA_COMMIT_EVERY = 50;
/** The workers' `maxUncommittedPerPartition`: offsets a partition hands out past its last confirmed commit. */
export declare const KAFKA_MAX_UNCOMMITTED = 50;
/** NATS maxAckPending: the server lets no more deliveries out unacked (the worker pulls half of it at once). */
export declare const NATS_WINDOW = 20;
/** Redis and PostgreSQL handler concurrency: entries read (XREADGROUP COUNT) / rows claimed at most the free slots. */
export declare const SLOT_CONCURRENCY = 10;
/**
 * Duplicates a SIGKILL may cause, as each library documents its window: RabbitMQ's unacked deliveries
 * (the prefetch); Kafka's records handed out past the group's committed offset, at most
 * `maxUncommittedPerPartition` per partition the consumer owned; NATS's unacked deliveries
 * (maxAckPending); Redis's pending entries and PostgreSQL's leased rows (at most the handler slots).
 */
export declare function inFlightWindow(driver: Driver): number;
export declare function sigkill(driver: Driver, sizes: Sizes, policy: AckPolicy, seed: number): Promise<Result>;
export declare function sigterm(driver: Driver, sizes: Sizes, seed: number): Promise<Result>;
export declare function brokerRestart(driver: Driver, sizes: Sizes, set: BrokerSet): Promise<Result>;
export declare function poison(driver: Driver, sizes: Sizes): Promise<Result>;
export declare function flaky(driver: Driver, sizes: Sizes, seed: number): Promise<Result>;
export declare function badInput(driver: Driver, sizes: Sizes): Promise<Result>;
export declare function clusterLeaderKill(driver: Driver, sizes: Sizes, set: BrokerSet): Promise<Result>;
