import { RpcException } from '@nestjs/microservices';
import type { Settlement } from './settlement';

/**
 * The error objects control exceptions made (`getError()`): only these are
 * obeyed when a filter replaced the exception by its error object. A plain
 * object with the same key from anywhere else (a peer's error reply that a
 * handler rethrows, a producer's data) is an ordinary failure.
 */
const issuedPayloads = new WeakSet<object>();

/** Key of the settle command inside a control exception's error object. */
export const CONTROL_COMMAND_KEY = 'nestjsAckCommand';

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
export abstract class AckControlException extends RpcException {
  /** Marks the class across copies of the package (instanceof fails across them). */
  readonly nestjsAckControl = true;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  /** The settlement this exception commands. */
  abstract toSettlement(): Settlement;

  /** The object filters pass on: Nest's `{ status, message }` plus the command. */
  override getError(): ControlErrorPayload {
    const payload: ControlErrorPayload = { status: 'error', message: this.message, [CONTROL_COMMAND_KEY]: this.commandForWire() };
    issuedPayloads.add(payload);
    return payload;
  }

  /** The settlement with the exception reduced to its name and message (the payload must stay plain and serializable). */
  private commandForWire(): Settlement {
    const command = this.toSettlement();
    return command.kind === 'ack' ? command : { ...command, error: { name: this.name, message: this.message } };
  }
}

export function isAckControlException(value: unknown): value is AckControlException {
  return typeof value === 'object' && value !== null && (value as AckControlException).nestjsAckControl === true;
}

/**
 * The command a failure carries: from a control exception, or from the error
 * object one of them made (`getError()`, what Nest's filter passes on).
 * `undefined` for every other failure, plain objects of the same shape included.
 */
export function controlCommandOf(failure: unknown): Settlement | undefined {
  if (isAckControlException(failure)) return failure.toSettlement();
  if (typeof failure !== 'object' || failure === null || !issuedPayloads.has(failure)) return undefined;
  const command = (failure as Partial<ControlErrorPayload>)[CONTROL_COMMAND_KEY];
  return isSettlement(command) ? command : undefined;
}

function isSettlement(value: unknown): value is Settlement {
  if (typeof value !== 'object' || value === null) return false;
  const { kind } = value as { kind?: unknown };
  return kind === 'ack' || kind === 'nack' || (kind === 'reject' && typeof (value as { reason?: unknown }).reason === 'string');
}
