import type { Redis } from 'ioredis';
import type { BrokerHealth } from '../core/broker-health';
import type { AckServerStatus } from '../core/settlement-event';
/** What the probe reads from the server at the moment of a check. */
export interface RedisHealthSource {
    group: string;
    streams: readonly string[];
    state: AckServerStatus;
    /** The server's command client, undefined before the start and after the close. */
    redis: Redis | undefined;
    /** The stream reader runs and intake is on. */
    consuming: boolean;
}
/** The group's figures on one stream, from `XINFO GROUPS`. */
export interface RedisStreamLag {
    stream: string;
    /** Entries not yet read by the group; null when Redis cannot tell (entries deleted or trimmed in between). */
    lag: number | null;
    /** Entries read and not acknowledged (the group's PEL). */
    pending: number;
}
/**
 * `XINFO GROUPS` of every stream read, on the server's command connection.
 * `backlog` is the sum of the group's `lag` (undefined when Redis cannot tell
 * one of them). A connection that is not `ready` answers `connected: false` at
 * once instead of queueing the command until a reconnect.
 */
export declare function probeRedis(source: RedisHealthSource): Promise<BrokerHealth>;
