import { type RedisMessage } from './redis-message';
import type { ScriptedRedis } from './redis-scripts';
import type { RedisServerSettings } from './redis-settings';
import type { HeldEntries } from './redis-slots';
/**
 * Every `claimIntervalMs`, takes over (`XAUTOCLAIM`) the entries of every
 * stream that have been idle for `minIdleMs`: those of a consumer that died,
 * and nacked entries whose delay ran out (a nack sets the idle time that makes
 * them due). Asks for no more entries than there are free slots; entries this
 * process already holds are not delivered twice.
 */
export declare class Reclaimer {
    private readonly redis;
    private readonly streams;
    private readonly settings;
    private readonly held;
    private readonly deliver;
    private readonly report;
    private timer?;
    private ticking;
    private readonly cursors;
    constructor(redis: () => ScriptedRedis, streams: string[], settings: RedisServerSettings, held: HeldEntries, deliver: (message: RedisMessage) => void, report: (error: Error, what: string) => void);
    start(): void;
    stop(): void;
    private tick;
    private reclaim;
}
