import { AckControlException } from './ack-control.exception';
import { type RejectOptions, type Settlement } from './settlement';
/** Throw to reject the current message (dead-letter it with `reason`) and stop processing it. */
export declare class RejectMessage extends AckControlException {
    readonly reason: string;
    constructor(options?: RejectOptions);
    toSettlement(): Settlement;
}
