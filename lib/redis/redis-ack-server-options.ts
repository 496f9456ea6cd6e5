import type { Redis, RedisOptions } from 'ioredis';
import type { AckServerOptions } from '../core/ack-server-options';
import type { ReconnectOptions } from '../core/reconnect';
import type { ReplyAddressOptions } from '../core/reply-address-allow-list';
import { RECONNECT_KEYS, REPLY_ADDRESS_KEYS, serverOptionKeys, type AllListed, type KeysListed } from '../core/option-keys';

/** How the server or client reaches Redis: a URL, ioredis options, or an ioredis client of the user's (duplicated, never closed). */
export type RedisConnectionOption = string | RedisOptions | Redis;

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
  connection?: RedisConnectionOption;
  /**
   * The consumer group, created (`XGROUP CREATE ... MKSTREAM`) on every stream where it is missing.
   * Required: a non-empty string.
   * @defaultValue none (required)
   */
  group: string;
  /**
   * This process's name in the group. Must be unique per running process: two
   * processes with one name share their pending entries.
   * @defaultValue `<hostname>-<pid>-<random>`
   */
  consumer?: string;
  /**
   * Streams read besides the handlers' patterns. The stream an entry was read
   * from decides its handler: on a handler's own stream the body must name that
   * pattern, else the entry is dead-lettered as `pattern-mismatch`. On these
   * streams too, unless `streamsRouteByBody` is on: the body must name the
   * stream (an entry there without a handler of that name is dead-lettered as
   * `no-handler`).
   * @defaultValue []
   */
  streams?: string[];
  /**
   * On the `streams` that are not a handler's own stream, run the handler the
   * body's pattern names (any handler of this server). Whoever may write to such
   * a stream may then run every handler: Redis key ACLs on the handlers' own
   * streams no longer limit what runs. Handlers' own streams always require their pattern.
   * @defaultValue false
   */
  streamsRouteByBody?: boolean;
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
  deadLetter?: false | RedisDeadLetterOptions;
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
  /**
   * Keys replies may be pushed to (`prefixes` and exact `names`; given = the
   * whole list). A request naming any other key in its `replyTo` field is
   * dead-lettered as `invalid-reply-address` before its handler runs, and no
   * command touches that key. A key allowed here that holds anything but a list
   * gets no reply (and no `PEXPIRE`).
   * @defaultValue `{ prefixes: ['nestjs-ack:reply:'] }` (what `RedisAckClient` uses)
   */
  replyAddresses?: ReplyAddressOptions;
  /**
   * Most nacks with a delay >= `minIdleMs` whose wait this process holds (their
   * entries kept young every `minIdleMs / 3`). Beyond it Redis holds the wait:
   * the due time is in the sorted set `<stream>:nack-delays:<group>` and the
   * reclaim hands the entry to a handler only once it is due. `0`: Redis holds
   * every long wait.
   * @defaultValue 1000
   */
  maxHeldNacks?: number;
  /** Reconnect backoff after the connection drops (drives ioredis' `retryStrategy`), and between the attempts of `listen()`. @defaultValue `{ initialDelayMs: 200, maxDelayMs: 10000, multiplier: 2, maxAttempts: Infinity }` */
  reconnect?: ReconnectOptions;
}

/** Where `RedisAckServer` dead-letters (the `deadLetter` option). */
export interface RedisDeadLetterOptions {
  /** The dead-letter stream of `<stream>` is `<stream><streamSuffix>`; a non-empty string. @defaultValue ':dlq' */
  streamSuffix?: string;
}

const REDIS_DEAD_LETTER_NAMES = ['streamSuffix'] as const satisfies readonly (keyof RedisDeadLetterOptions)[];
type _DeadLetter = AllListed<KeysListed<RedisDeadLetterOptions, typeof REDIS_DEAD_LETTER_NAMES>>;

/** The names `RedisAckServerOptions` adds to the common ones (see `assertKnownKeys`). */
const REDIS_SERVER_OPTION_NAMES = [
  'connection', 'group', 'consumer', 'streams', 'streamsRouteByBody', 'startId', 'blockMs', 'minIdleMs', 'claimIntervalMs',
  'deadLetter', 'deleteOnAck', 'trimMaxLen', 'replyTtlMs', 'replyAddresses', 'maxHeldNacks', 'reconnect',
] as const satisfies readonly (keyof RedisAckServerOptions)[];
type _Server = AllListed<KeysListed<Omit<RedisAckServerOptions, keyof AckServerOptions>, typeof REDIS_SERVER_OPTION_NAMES>>;
/** `connection` (a URL, ioredis options or client) is passed to ioredis: not checked here. */
export const REDIS_SERVER_KEYS = serverOptionKeys(REDIS_SERVER_OPTION_NAMES, {
  deadLetter: { keys: REDIS_DEAD_LETTER_NAMES },
  replyAddresses: REPLY_ADDRESS_KEYS,
  reconnect: RECONNECT_KEYS,
});
