import { RpcException } from '@nestjs/microservices';
import type { Settlement } from './settlement';
/** Key of the settle command inside a control exception's error object. */
export declare const CONTROL_COMMAND_KEY = "nestjsAckCommand";
/** What a control exception's `getError()` gives, and what survives Nest's exception filters. */
export interface ControlErrorPayload {
    status: 'error';
    message: string;
    [CONTROL_COMMAND_KEY]: Settlement;
}
/**
 * Base of `AckMessage`, `NackMessage` and `RejectMessage`: thrown at any depth
 * (service, guard, interceptor, pipe) it settles the current message and stops
 * processing it.
 *
 * It is an `RpcException` whose error object carries the command, so it keeps
 * working after an exception filter replaced the class by that plain object
 * (Nest's default RPC filter does). Creating one does nothing: only an
 * exception that leaves the handler settles. Nest does not log it as a failure.
 */
export declare abstract class AckControlException extends RpcException {
    /** Marks the class across copies of the package (instanceof fails across them). */
    readonly nestjsAckControl = true;
    protected constructor(message: string);
    /** The settlement this exception commands. */
    abstract toSettlement(): Settlement;
    /** The object filters pass on: Nest's `{ status, message }` plus the command. */
    getError(): ControlErrorPayload;
    /** The settlement with the exception reduced to its name and message (the payload must stay plain and serializable). */
    private commandForWire;
}
export declare function isAckControlException(value: unknown): value is AckControlException;
/**
 * The command a failure carries: from a control exception, or from the plain
 * object a filter made of one. `undefined` for every other failure.
 */
export declare function controlCommandOf(failure: unknown): Settlement | undefined;
