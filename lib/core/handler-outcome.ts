import type { AckPolicy } from './ack-policy';
import { isAckControlException, type AckControlException } from './ack-control.exception';
import type { DeliveryScope } from './delivery-scope';
import { RejectReason, type Settlement } from './settlement';

/** What the policy does once the handler (and its reply) completed. */
export function settlementOnSuccess(policy: AckPolicy): Settlement | undefined {
  return policy === 'ACK' || policy === 'REJECT_ON_ERROR' || policy === 'NACK_ON_ERROR' ? { kind: 'ack' } : undefined;
}

/**
 * The control exception behind a failure: the thrown one itself, or, when a
 * filter erased its class (Nest's default gives a plain object), the error
 * AckModule's interceptor saw, else the last control exception created in
 * this delivery's scope (guards run outside interceptors).
 */
export function findControlException(error: unknown, scope: DeliveryScope): AckControlException | undefined {
  if (isAckControlException(error)) return error;
  if (error instanceof Error) return undefined;
  if (scope.lastError !== undefined) return isAckControlException(scope.lastError) ? scope.lastError : undefined;
  return scope.lastControl;
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

/** The most informative form of a failure: the original error when a filter erased it. */
export function originalError(error: unknown, scope: DeliveryScope): unknown {
  return !(error instanceof Error) && scope.lastError !== undefined ? scope.lastError : error;
}
