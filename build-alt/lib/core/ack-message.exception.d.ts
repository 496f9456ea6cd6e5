import { AckControlException } from './ack-control.exception';
import type { Settlement } from './settlement';
/** Throw to ack the current message at once and stop processing it. */
export declare class AckMessage extends AckControlException {
    constructor(message?: string);
    toSettlement(): Settlement;
}
