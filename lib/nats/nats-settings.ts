import type { ConsumerConfig, StreamConfig } from '@nats-io/jetstream';
import type { ConnectionOptions, NatsConnection } from '@nats-io/transport-node';
import { InvalidOptionError } from '../core/errors';
import { assertAddressList, assertNumber } from '../core/option-checks';
import { NATS_SERVER_KEYS, type NatsAckServerOptions } from './nats-ack-server-options';
import { assertKnownKeys } from '../core/option-keys';

export const DEFAULT_NATS_SERVERS = 'nats://127.0.0.1:4222';
export const DEFAULT_CONSUMER = 'nestjs-ack';

/** The dead-letter target with every name filled in. */
export interface NatsDeadLetterTarget {
  stream: string;
  subjectPrefix: string;
  publishTimeoutMs: number;
}

/** `NatsAckServerOptions` (broker part) with defaults applied and checked. */
export interface NatsServerSettings {
  servers: string[];
  connection?: NatsConnection;
  connectionOptions: Omit<ConnectionOptions, 'servers'>;
  stream: string;
  ensureStream: false | Partial<StreamConfig>;
  ensureConsumer: boolean;
  subjects?: string[];
  consumer: string;
  ackWaitMs: number;
  maxAckPending: number;
  batchSize: number;
  consumerConfig: Partial<ConsumerConfig>;
  deadLetter: NatsDeadLetterTarget | false;
}

/** A server address: a nats://, tls://, ws:// or wss:// URL, or host:port. */
export const SERVER_SHAPE = /^((nats|tls|ws|wss):\/\/)?[^\s/]+$/;
/** Stream and consumer names: no subject tokens separators, wildcards, whitespace or path characters. */
const NAME_SHAPE = /^[^\s.*>/\\]+$/;
/** A NATS subject: dot-separated non-empty tokens without whitespace; `*` and a final `>` as wildcards. */
const SUBJECT_SHAPE = /^[^\s.]+(\.[^\s.]+)*$/;

export function isSubject(value: unknown): value is string {
  return typeof value === 'string' && SUBJECT_SHAPE.test(value) && !value.startsWith('{') && !/>./.test(value);
}

/** Validates the broker options; every error names the option and what is allowed. */
export function resolveNatsSettings(options: NatsAckServerOptions, concurrency: number): NatsServerSettings {
  if (!options || typeof options !== 'object') throw new InvalidOptionError('options', options, 'an object with at least { stream }');
  assertKnownKeys(options, NATS_SERVER_KEYS, 'NatsAckServer');
  const stream = name('stream', options.stream);
  const consumer = name('consumer', options.consumer ?? DEFAULT_CONSUMER);
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  assertNumber(ackWaitMs, 'ackWaitMs', 1000);
  const maxAckPending = options.maxAckPending ?? 1000;
  assertNumber(maxAckPending, 'maxAckPending', 1, true);
  const batchSize = options.batchSize ?? concurrency;
  assertNumber(batchSize, 'batchSize', 1, true);
  const ensureStream = options.ensureStream ?? false;
  if (typeof ensureStream !== 'boolean' && (typeof ensureStream !== 'object' || ensureStream === null || Array.isArray(ensureStream))) {
    throw new InvalidOptionError('ensureStream', ensureStream, 'true, false or a partial StreamConfig');
  }
  const ensureConsumer = options.ensureConsumer ?? true;
  if (typeof ensureConsumer !== 'boolean') throw new InvalidOptionError('ensureConsumer', ensureConsumer, 'true, false');
  if (options.subjects !== undefined && (!Array.isArray(options.subjects) || options.subjects.length === 0 || !options.subjects.every(isSubject))) {
    throw new InvalidOptionError('subjects', options.subjects, 'a non-empty array of NATS subjects');
  }
  const consumerConfig = options.consumerConfig ?? {};
  if (typeof consumerConfig !== 'object' || consumerConfig === null || Array.isArray(consumerConfig)) {
    throw new InvalidOptionError('consumerConfig', consumerConfig, 'a partial ConsumerConfig');
  }
  for (const owned of ['ack_policy', 'max_deliver', 'durable_name', 'filter_subject', 'filter_subjects', 'deliver_subject'] as const) {
    if (owned in consumerConfig) throw new InvalidOptionError(`consumerConfig.${owned}`, consumerConfig[owned], 'nothing: the server sets it (see the options consumer, subjects, retry)');
  }
  return {
    servers: options.connection ? [] : assertAddressList(options.servers ?? DEFAULT_NATS_SERVERS, 'servers', SERVER_SHAPE, 'a nats:// URL or host:port, or a non-empty array of them'),
    connection: options.connection,
    connectionOptions: options.connectionOptions ?? {},
    stream,
    ensureStream: ensureStream === true ? {} : ensureStream,
    ensureConsumer,
    subjects: options.subjects,
    consumer,
    ackWaitMs,
    maxAckPending,
    batchSize,
    consumerConfig,
    deadLetter: resolveDeadLetter(options, stream),
  };
}

function resolveDeadLetter(options: NatsAckServerOptions, stream: string): NatsDeadLetterTarget | false {
  const value = options.deadLetter ?? {};
  if (value === false) return false;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidOptionError('deadLetter', value, 'false or { stream?, subjectPrefix?, publishTimeoutMs? }');
  }
  const target: NatsDeadLetterTarget = {
    stream: name('deadLetter.stream', value.stream ?? `${stream}_DLQ`),
    subjectPrefix: value.subjectPrefix ?? `dead-letter.${stream}`,
    publishTimeoutMs: value.publishTimeoutMs ?? 5000,
  };
  if (!isSubject(target.subjectPrefix) || /[*>]/.test(target.subjectPrefix)) {
    throw new InvalidOptionError('deadLetter.subjectPrefix', target.subjectPrefix, 'a NATS subject without wildcards');
  }
  assertNumber(target.publishTimeoutMs, 'deadLetter.publishTimeoutMs', 1);
  if (target.stream === stream) throw new InvalidOptionError('deadLetter.stream', target.stream, 'a stream other than stream');
  return target;
}

function name(option: string, value: unknown): string {
  if (typeof value !== 'string' || !NAME_SHAPE.test(value)) {
    throw new InvalidOptionError(option, value, 'a non-empty name without dots, wildcards, slashes or whitespace');
  }
  return value;
}
