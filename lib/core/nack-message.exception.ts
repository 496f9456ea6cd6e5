import { AckControlException } from './ack-control.exception';
import type { NackOptions, Settlement } from './settlement';

/** Throw to nack the current message (redeliver, after `delayMs` if given) and stop processing it. */
export class NackMessage extends AckControlException {
  readonly delayMs?: number;

  constructor(options: NackOptions = {}) {
    super(options.delayMs === undefined ? 'message nacked by the handler' : `message nacked by the handler (delay ${options.delayMs} ms)`);
    this.delayMs = options.delayMs;
  }

  toSettlement(): Settlement {
    return { kind: 'nack', delayMs: this.delayMs, error: this };
  }
}
