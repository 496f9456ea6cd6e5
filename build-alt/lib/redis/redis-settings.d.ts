import { type ResolvedReconnect } from '../core/reconnect';
import type { RedisAckServerOptions } from './redis-ack-server-options';
import { type RedisConnectionOption } from './redis-connection';
/** `RedisAckServerOptions` (broker part) with defaults applied and checked. */
export interface RedisServerSettings {
    connection?: RedisConnectionOption;
    group: string;
    consumer: string;
    streams: string[];
    startId: '$' | '0';
    blockMs: number;
    minIdleMs: number;
    claimIntervalMs: number;
    /** Suffix of the dead-letter stream, or false when dead-lettering is off. */
    deadLetterSuffix: string | false;
    deleteOnAck: boolean;
    trimMaxLen?: number;
    replyTtlMs: number;
    reconnect: ResolvedReconnect;
}
/** Validates the broker options; every error names the option and what is allowed. */
export declare function resolveRedisSettings(options: RedisAckServerOptions): RedisServerSettings;
