import { RpcException } from '@nestjs/microservices';
import type { AckPolicy } from './ack-policy';
import type { ResolvedRetry } from './retry';
import { RejectReason, type Settlement } from './settlement';

/** What the policy does once the handler (and its reply) completed. */
export function settlementOnSuccess(policy: AckPolicy): Settlement | undefined {
  return policy === 'ACK' || policy === 'REJECT_ON_ERROR' || policy === 'NACK_ON_ERROR' ? { kind: 'ack' } : undefined;
}

/**
 * What the policy does when the handler failed with an error that is not a
 * control exception. Under `NACK_ON_ERROR`, an error of `retry.nonRetryable`
 * is rejected at once: delivering it again cannot help.
 */
export function settlementOnFailure(policy: AckPolicy, error: unknown, retry: ResolvedRetry): Settlement | undefined {
  switch (policy) {
    case 'ACK':
      return { kind: 'ack' };
    case 'REJECT_ON_ERROR':
      return { kind: 'reject', reason: RejectReason.HANDLER_ERROR, error };
    case 'NACK_ON_ERROR':
      return retry.isNonRetryable(error) ? { kind: 'reject', reason: RejectReason.NON_RETRYABLE, error } : { kind: 'nack', error };
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

/** What Nest's `BaseRpcExceptionFilter` answers for an error it does not know (`MESSAGES.UNKNOWN_EXCEPTION_MESSAGE`, the same in Nest 10, 11 and 12). */
const NEST_UNKNOWN_ERROR_MESSAGE = 'Internal server error';

/**
 * Whether Nest's default exception filter logged the failure already: it
 * logs every error no exception filter took (name, message and stack, as
 * thrown) and answers `{ status: 'error', message: 'Internal server error' }`
 * instead. An `RpcException` (control exceptions included) is answered
 * without a log line. `thrown` is the error as the handler threw it, when
 * AckModule's interceptor recorded it.
 */
export function loggedByNestFilter(failure: unknown, thrown: unknown): boolean {
  if (thrown instanceof RpcException) return false;
  if (typeof failure !== 'object' || failure === null || failure instanceof Error) return false;
  const { status, message } = failure as { status?: unknown; message?: unknown };
  return Object.keys(failure).length === 2 && status === 'error' && message === NEST_UNKNOWN_ERROR_MESSAGE;
}
