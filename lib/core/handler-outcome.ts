import type { AckPolicy } from './ack-policy';
import { RejectReason, type Settlement } from './settlement';

/** What the policy does once the handler (and its reply) completed. */
export function settlementOnSuccess(policy: AckPolicy): Settlement | undefined {
  return policy === 'ACK' || policy === 'REJECT_ON_ERROR' || policy === 'NACK_ON_ERROR' ? { kind: 'ack' } : undefined;
}

/** What the policy does when the handler failed with an error that is not a control exception. */
export function settlementOnFailure(policy: AckPolicy, error: unknown): Settlement | undefined {
  switch (policy) {
    case 'ACK':
      return { kind: 'ack' };
    case 'REJECT_ON_ERROR':
      return { kind: 'reject', reason: RejectReason.HANDLER_ERROR, error };
    case 'NACK_ON_ERROR':
      return { kind: 'nack', error };
    default:
      return undefined;
  }
}

/**
 * The most informative form of a failure: the error as thrown (recorded by
 * AckModule) when a filter replaced it by a plain object.
 */
export function originalError(failure: unknown, thrown: unknown): unknown {
  return !(failure instanceof Error) && thrown !== undefined ? thrown : failure;
}
