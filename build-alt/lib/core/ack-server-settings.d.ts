import { type AckPolicy } from './ack-policy';
import type { AckServerOptions } from './ack-server-options';
import { type ResolvedRetry } from './retry';
/** `AckServerOptions` with defaults applied and every value checked. */
export interface AckServerSettings {
    defaultPolicy: AckPolicy;
    retry: ResolvedRetry;
    concurrency: number;
    shutdownTimeoutMs: number;
    logSettlements: boolean;
    maxBodyBytes: number;
}
export declare function resolveServerSettings(options: AckServerOptions): AckServerSettings;
