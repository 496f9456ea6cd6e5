import type { RedisOptions } from 'ioredis';
import type { Redis } from 'ioredis';
import type { AckServerOptions } from '../core/ack-server-options';
import type { ReconnectOptions } from '../core/reconnect';
/**
 * Options of `RedisAckServer`. The streams read are the handlers' patterns
 * (one stream per pattern, plus `streams`), all in one consumer group.
 */
export interface RedisAckServerOptions extends AckServerOptions {
    /**
     * Where Redis is: a URL (`redis://[:password@]host:port[/db]`), ioredis
     * options, or an ioredis client, whose settings the server copies
     * (`duplicate()`: the user's client is never used nor closed). The server
     * opens two connections: one for commands, one for the blocking reads.
     * Never logged with credentials.
     * @defaultValue 'redis://127.0.0.1:6379'
     */
    connection?: string | RedisOptions | Redis;
    /** The consumer group, created (`XGROUP CREATE ... MKSTREAM`) on every stream where it is missing. Required. */
    group: string;
    /**
     * This process's name in the group. Must be unique per running process: two
     * processes with one name share their pending entries.
     * @defaultValue `<hostname>-<pid>-<random>`
     */
    consumer?: string;
    /** Streams read besides the handlers' patterns (entries there without a handler are dead-lettered as `no-handler`). @defaultValue [] */
    streams?: string[];
    /** Where a new group starts reading: `'$'` (only new entries) or `'0'` (the whole stream). @defaultValue '0' */
    startId?: '$' | '0';
    /** Longest wait of one `XREADGROUP BLOCK` call, in ms; also bounds how late a close notices a lost connection. @defaultValue 2000 */
    blockMs?: number;
    /**
     * An entry pending for this long without its consumer touching it is taken
     * over (`XAUTOCLAIM`) by any consumer of the group: the crash-recovery time.
     * Running handlers keep their entries younger than this (`XCLAIM ... JUSTID`
     * every `minIdleMs / 3`). A MANUAL delivery left unsettled after its handler
     * returned is redelivered after it, like a JetStream `ackWait`.
     * @defaultValue 30000
     */
    minIdleMs?: number;
    /** How often pending entries past `minIdleMs` (and nacked entries whose delay ran out) are claimed, in ms. @defaultValue 1000 */
    claimIntervalMs?: number;
    /**
     * Dead-letter target: entries go to `<stream><streamSuffix>` with their
     * original fields plus `x-dead-letter-*` fields. `false` turns dead-lettering
     * off: a reject then only acks.
     * @defaultValue `{ streamSuffix: ':dlq' }`
     */
    deadLetter?: false | {
        streamSuffix?: string;
    };
    /** Deletes an entry from its stream once acked or dead-lettered (`XDEL` with the `XACK`). Only for streams read by this one group. @defaultValue false */
    deleteOnAck?: boolean;
    /**
     * Trims each stream to about this many entries at every ack (`XTRIM MAXLEN ~`).
     * Redis 7 trims by position, not by acknowledgement: entries still unread or
     * pending may go too. Leave it off unless the stream is sized for your lag.
     * @defaultValue undefined (no trimming)
     */
    trimMaxLen?: number;
    /** How long a reply list lives after a reply was pushed, in ms. @defaultValue 60000 */
    replyTtlMs?: number;
    /** Reconnect backoff after the connection drops (drives ioredis' `retryStrategy`). @defaultValue `{ initialDelayMs: 200, maxDelayMs: 10000, multiplier: 2, maxAttempts: Infinity }` */
    reconnect?: ReconnectOptions;
}
