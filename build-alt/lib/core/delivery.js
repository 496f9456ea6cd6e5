"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Delivery = void 0;
/** One delivery being processed: the message, the pattern it was routed by, its retry rules and its settle-once state. */
class Delivery {
    message;
    pattern;
    retry;
    state;
    observation;
    constructor(message, pattern, retry, state, 
    /** Told of the settlement when a telemetry observer is set. */
    observation) {
        this.message = message;
        this.pattern = pattern;
        this.retry = retry;
        this.state = state;
        this.observation = observation;
    }
}
exports.Delivery = Delivery;
//# sourceMappingURL=delivery.js.map