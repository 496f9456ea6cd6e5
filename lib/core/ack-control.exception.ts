import * as common from '@nestjs/common';
import { currentDeliveryScope } from './delivery-scope';
import type { Settlement } from './settlement';

// Nest >= 11 does not log IntrinsicException subclasses in its default filter:
// a control exception is a command, not a failure. Nest 10 lacks it.
const ControlBase: typeof Error = (common as any).IntrinsicException ?? Error;

/**
 * Base of `AckMessage`, `NackMessage` and `RejectMessage`: thrown at any depth
 * (service, guard, interceptor, pipe) it settles the current message at once.
 */
export abstract class AckControlException extends ControlBase {
  /** Marks the class across copies of the package (instanceof fails across them). */
  readonly nestjsAckControl = true;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
    const scope = currentDeliveryScope();
    if (scope) scope.lastControl = this;
  }

  /** The settlement this exception commands. */
  abstract toSettlement(): Settlement;
}

export function isAckControlException(value: unknown): value is AckControlException {
  return typeof value === 'object' && value !== null && (value as AckControlException).nestjsAckControl === true;
}
