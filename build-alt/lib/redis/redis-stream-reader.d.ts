import type { Redis } from 'ioredis';
import { type RedisMessage } from './redis-message';
import type { RedisServerSettings } from './redis-settings';
import type { HeldEntries } from './redis-slots';
/**
 * The read loop on the dedicated blocking connection: one `XREADGROUP GROUP
 * <group> <consumer> COUNT <free slots> BLOCK <blockMs> STREAMS <every stream> >...`
 * at a time, waiting for a free slot first. `stop()` ends a running block at
 * once with `CLIENT UNBLOCK` (a clean empty reply: no entry is taken and dropped).
 */
export declare class StreamReader {
    private readonly blocking;
    private readonly commands;
    private readonly streams;
    private readonly settings;
    private readonly held;
    private readonly deliver;
    private readonly report;
    private readonly stopped;
    private running?;
    private clientId?;
    constructor(blocking: Redis, commands: Redis, streams: string[], settings: RedisServerSettings, held: HeldEntries, deliver: (message: RedisMessage) => void, report: (error: Error, what: string) => void);
    start(): Promise<void>;
    stop(): Promise<void>;
    private learnClientId;
    private loop;
}
