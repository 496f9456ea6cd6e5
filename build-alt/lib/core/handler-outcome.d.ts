import type { AckPolicy } from './ack-policy';
import { type Settlement } from './settlement';
/** What the policy does once the handler (and its reply) completed. */
export declare function settlementOnSuccess(policy: AckPolicy): Settlement | undefined;
/** What the policy does when the handler failed with an error that is not a control exception. */
export declare function settlementOnFailure(policy: AckPolicy, error: unknown): Settlement | undefined;
/**
 * The most informative form of a failure: the error as thrown (recorded by
 * AckModule) when a filter replaced it by a plain object.
 */
export declare function originalError(failure: unknown, thrown: unknown): unknown;
/**
 * Whether Nest's default exception filter logged the failure already: it
 * logs every error no exception filter took (name, message and stack, as
 * thrown) and answers `{ status: 'error', message: 'Internal server error' }`
 * instead. An `RpcException` (control exceptions included) is answered
 * without a log line. `thrown` is the error as the handler threw it, when
 * AckModule's interceptor recorded it.
 */
export declare function loggedByNestFilter(failure: unknown, thrown: unknown): boolean;
