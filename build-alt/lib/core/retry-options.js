"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_RETRY = void 0;
exports.DEFAULT_RETRY = {
    maxDeliveries: 5,
    backoff: { type: 'exponential', initialDelayMs: 1000, multiplier: 2, maxDelayMs: 60_000, jitter: 0.2 },
};
//# sourceMappingURL=retry-options.js.map