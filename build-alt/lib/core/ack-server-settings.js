"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveServerSettings = resolveServerSettings;
const ack_policy_1 = require("./ack-policy");
const option_checks_1 = require("./option-checks");
const retry_1 = require("./retry");
function resolveServerSettings(options) {
    const defaultPolicy = options.defaultPolicy ?? 'REJECT_ON_ERROR';
    (0, ack_policy_1.assertAckPolicy)(defaultPolicy, 'defaultPolicy');
    const concurrency = options.concurrency ?? 10;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new Error(`nestjs-ack: invalid concurrency ${JSON.stringify(concurrency)}; allowed: an integer >= 1`);
    }
    const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
    if (typeof shutdownTimeoutMs !== 'number' || !(shutdownTimeoutMs >= 0)) {
        throw new Error(`nestjs-ack: invalid shutdownTimeoutMs ${JSON.stringify(shutdownTimeoutMs)}; allowed: a number >= 0`);
    }
    const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
    (0, option_checks_1.assertLimit)(maxBodyBytes, 'maxBodyBytes', 1);
    return {
        defaultPolicy,
        retry: (0, retry_1.resolveRetry)('retry', options.retry),
        concurrency,
        shutdownTimeoutMs,
        logSettlements: options.logSettlements ?? false,
        maxBodyBytes,
    };
}
//# sourceMappingURL=ack-server-settings.js.map