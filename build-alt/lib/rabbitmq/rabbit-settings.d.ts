import type { RabbitAckServerOptions } from './rabbit-ack-server-options';
import { type ResolvedReconnect } from '../core/reconnect';
/** The dead-letter target with every name filled in. */
export interface RabbitDeadLetterTarget {
    exchange: string;
    queue: string;
    routingKey: string;
}
/** `RabbitAckServerOptions` (broker part) with defaults applied and checked. */
export interface RabbitServerSettings {
    urls: string[];
    queue: string;
    queueType: 'quorum' | 'classic';
    noAssert: boolean;
    queueArguments: Record<string, unknown>;
    exchange?: {
        name: string;
        type: string;
        routingKeys: string[];
    };
    prefetch: number;
    deadLetter: RabbitDeadLetterTarget | false;
    reconnect: ResolvedReconnect;
}
/** Validates the broker options; every message names the option and what is allowed. */
export declare function resolveRabbitSettings(options: RabbitAckServerOptions, concurrency: number): RabbitServerSettings;
