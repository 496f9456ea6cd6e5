import { randomBytes } from 'node:crypto';
import type { AckPolicy } from '../lib';

/**
 * This run's own names. On a real broker, topics, streams and subjects are
 * the patterns themselves, so each run prefixes them: a re-run never reads
 * what an earlier one left behind. The in-memory broker lives in the process
 * and needs no prefix.
 */
export const RUN_ID = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const prefix = (process.env.SAMPLE_BROKER || 'in-memory') === 'in-memory' ? '' : `sample-${RUN_ID}.`;

export const Patterns = {
  created: `${prefix}order.created`,
  capture: `${prefix}payment.capture`,
  audit: `${prefix}audit.record`,
  notify: `${prefix}customer.notify`,
  shipped: `${prefix}order.shipped`,
  total: `${prefix}order.total`,
  /** No handler consumes it: dead-lettered as `no-handler`. */
  refunded: `${prefix}order.refunded`,
} as const;

/** The policy of each handled pattern (as its decorator says), for the summary. */
export const PolicyOf: Record<string, AckPolicy> = {
  [Patterns.created]: 'REJECT_ON_ERROR',
  [Patterns.total]: 'REJECT_ON_ERROR',
  [Patterns.capture]: 'NACK_ON_ERROR',
  [Patterns.audit]: 'ACK',
  [Patterns.notify]: 'ACK_FIRST',
  [Patterns.shipped]: 'MANUAL',
};

/** A pattern as printed: without this run's prefix. */
export function shortName(pattern: string): string {
  return pattern.startsWith(prefix) ? pattern.slice(prefix.length) : pattern;
}
