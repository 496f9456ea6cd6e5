import { RABBIT_SERVER_KEYS, type RabbitAckServerOptions } from './rabbit-ack-server-options';
import { assertKnownKeys } from '../core/option-keys';
import { resolveReconnect, type ResolvedReconnect } from '../core/reconnect';
import { resolveUrls } from './rabbit-url';
import { ConflictingOptionsError, InvalidOptionError } from '../core/errors';
import { assertBoolean, assertOneOf } from '../core/option-checks';
import { resolveSecurity, userOfUrl, type ResolvedSecurity } from './rabbit-security';

const QUEUE_TYPES = ['quorum', 'classic'] as const;
const EXCHANGE_TYPES = ['direct', 'topic', 'fanout', 'headers'] as const;

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
  exchange?: { name: string; type: string; routingKeys: string[] };
  prefetch: number;
  deadLetter: RabbitDeadLetterTarget | false;
  reconnect: ResolvedReconnect;
  security: ResolvedSecurity;
  /** The users the server connects as (`userId`, else each URL's): a classic queue's count header is believed under these `user-id`s only. */
  users: ReadonlySet<string>;
  /** The `user-id` of the server's own republished copies on a connection to `url`. */
  userIdFor(url: string): string;
}

/** Validates the broker options; every message names the option and what is allowed. */
export function resolveRabbitSettings(options: RabbitAckServerOptions, concurrency: number): RabbitServerSettings {
  if (!options || typeof options !== 'object') throw new InvalidOptionError('options', options, 'an object with at least { queue }');
  assertKnownKeys(options, RABBIT_SERVER_KEYS, 'RabbitAckServer');
  const { queue } = options;
  if (typeof queue !== 'string' || queue.trim() === '') {
    throw new InvalidOptionError('queue', queue, 'a non-empty string, the queue to consume (RabbitAckServer needs the option queue)');
  }
  const queueType = options.queueType ?? 'quorum';
  assertOneOf(queueType, 'queueType', QUEUE_TYPES);
  const prefetch = options.prefetch ?? Math.max(20, 2 * concurrency);
  if (!Number.isInteger(prefetch) || prefetch < concurrency || prefetch > 65535) {
    throw new InvalidOptionError('prefetch', prefetch, `an integer from concurrency (${concurrency}) to 65535`);
  }
  const queueArguments = options.queueArguments ?? {};
  if (typeof queueArguments !== 'object' || Array.isArray(queueArguments)) {
    throw new InvalidOptionError('queueArguments', typeof queueArguments, 'an object of queue arguments');
  }
  const urls = resolveUrls(options.urls);
  const security = resolveSecurity(options, urls);
  const userId = resolveUserId(options, security, queueType);
  return {
    urls,
    queue,
    queueType,
    noAssert: assertBoolean(options.noAssert ?? false, 'noAssert'),
    queueArguments,
    exchange: resolveExchange(options),
    prefetch,
    deadLetter: resolveDeadLetter(options),
    reconnect: resolveReconnect(options.reconnect),
    security,
    users: new Set(userId !== undefined ? [userId] : urls.map(userOfUrl)),
    userIdFor: (url) => userId ?? userOfUrl(url),
  };
}

/** `userId` checked; with EXTERNAL auth a classic queue cannot do without it (the URL does not name the user). */
function resolveUserId(options: RabbitAckServerOptions, security: ResolvedSecurity, queueType: 'quorum' | 'classic'): string | undefined {
  const { userId } = options;
  if (userId !== undefined && (typeof userId !== 'string' || userId === '' || Buffer.byteLength(userId) > 255)) {
    throw new InvalidOptionError('userId', typeof userId === 'string' ? `${userId.length} characters` : typeof userId, 'a non-empty RabbitMQ user name, at most 255 bytes');
  }
  if (userId === undefined && security.auth === 'external' && queueType === 'classic') {
    throw new InvalidOptionError("userId (with auth: 'external' on a classic queue)", 'missing', 'the user the broker takes from the client certificate: the delivery count of a classic queue depends on it');
  }
  return userId;
}

function resolveExchange(options: RabbitAckServerOptions): RabbitServerSettings['exchange'] {
  if (options.exchange === undefined) {
    if (options.routingKeys !== undefined) throw new InvalidOptionError('routingKeys', options.routingKeys, 'nothing without exchange (routingKeys needs the option exchange)');
    return undefined;
  }
  if (typeof options.exchange !== 'string' || options.exchange === '') {
    throw new InvalidOptionError('exchange', options.exchange, 'a non-empty exchange name');
  }
  const type = options.exchangeType ?? 'topic';
  assertOneOf(type, 'exchangeType', EXCHANGE_TYPES);
  const defaults = type === 'topic' ? ['#'] : type === 'direct' ? [options.queue] : [''];
  const routingKeys = options.routingKeys ?? defaults;
  if (!Array.isArray(routingKeys) || routingKeys.length === 0 || routingKeys.some((key) => typeof key !== 'string')) {
    throw new InvalidOptionError('routingKeys', routingKeys, 'a non-empty array of strings');
  }
  return { name: options.exchange, type, routingKeys };
}

function resolveDeadLetter(options: RabbitAckServerOptions): RabbitDeadLetterTarget | false {
  const value = options.deadLetter ?? {};
  if (value === false) return false;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionError('deadLetter', value, 'false or { exchange?, queue?, routingKey? }');
  }
  const target = {
    exchange: value.exchange ?? `${options.queue}.dlx`,
    queue: value.queue ?? `${options.queue}.dlq`,
    routingKey: value.routingKey ?? options.queue,
  };
  for (const [name, text] of Object.entries(target)) {
    if (typeof text !== 'string' || (name !== 'routingKey' && text === '')) {
      throw new InvalidOptionError(`deadLetter.${name}`, text, 'a non-empty string');
    }
  }
  if (target.queue === options.queue) throw new ConflictingOptionsError(['queue', 'deadLetter.queue'], 'invalid deadLetter.queue: it must differ from queue');
  return target;
}
