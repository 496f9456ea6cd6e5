import { AckControlException } from './ack-control.exception';
import type { NackOptions, Settlement } from './settlement';
/** Throw to nack the current message (redeliver, after `delayMs` if given) and stop processing it. */
export declare class NackMessage extends AckControlException {
    readonly delayMs?: number;
    constructor(options?: NackOptions);
    toSettlement(): Settlement;
}
