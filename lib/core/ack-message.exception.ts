import { AckControlException } from './ack-control.exception';
import type { Settlement } from './settlement';

/** Throw to ack the current message at once and stop processing it. */
export class AckMessage extends AckControlException {
  constructor(message = 'message acked by the handler') {
    super(message);
  }

  toSettlement(): Settlement {
    return { kind: 'ack' };
  }
}
