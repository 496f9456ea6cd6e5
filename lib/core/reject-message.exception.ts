import { AckControlException } from './ack-control.exception';
import { RejectReason, type RejectOptions, type Settlement } from './settlement';

/** Throw to reject the current message (dead-letter it with `reason`) and stop processing it. */
export class RejectMessage extends AckControlException {
  readonly reason: string;

  constructor(options: RejectOptions = {}) {
    const reason = options.reason ?? RejectReason.REJECTED;
    super(`message rejected by the handler: ${reason}`);
    this.reason = reason;
  }

  toSettlement(): Settlement {
    return { kind: 'reject', reason: this.reason, error: this };
  }
}
