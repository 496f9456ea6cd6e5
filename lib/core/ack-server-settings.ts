import { assertAckPolicy, type AckPolicy } from './ack-policy';
import type { AckServerOptions } from './ack-server-options';
import { InvalidOptionError } from './errors';
import { assertLimit } from './option-checks';
import { resolveRetry, type ResolvedRetry } from './retry';

/** `AckServerOptions` with defaults applied and every value checked. */
export interface AckServerSettings {
  defaultPolicy: AckPolicy;
  retry: ResolvedRetry;
  concurrency: number;
  shutdownTimeoutMs: number;
  logSettlements: boolean;
  maxMessageBytes: number;
  startTimeoutMs: number;
}

export function resolveServerSettings(options: AckServerOptions): AckServerSettings {
  const defaultPolicy = options.defaultPolicy ?? 'REJECT_ON_ERROR';
  assertAckPolicy(defaultPolicy, 'defaultPolicy');
  const concurrency = options.concurrency ?? 10;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidOptionError('concurrency', concurrency, 'an integer >= 1');
  }
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  if (typeof shutdownTimeoutMs !== 'number' || !(shutdownTimeoutMs >= 0)) {
    throw new InvalidOptionError('shutdownTimeoutMs', shutdownTimeoutMs, 'a number >= 0');
  }
  const maxMessageBytes = options.maxMessageBytes ?? options.maxBodyBytes ?? 16 * 1024 * 1024;
  assertLimit(maxMessageBytes, options.maxMessageBytes === undefined && options.maxBodyBytes !== undefined ? 'maxBodyBytes' : 'maxMessageBytes', 1);
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  assertLimit(startTimeoutMs, 'startTimeoutMs', 1);
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name === '')) {
    throw new InvalidOptionError('name', options.name, 'a non-empty string');
  }
  return {
    defaultPolicy,
    startTimeoutMs,
    retry: resolveRetry('retry', options.retry),
    concurrency,
    shutdownTimeoutMs,
    logSettlements: options.logSettlements ?? false,
    maxMessageBytes,
  };
}
