"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WORK = void 0;
exports.after = after;
exports.settleMeter = settleMeter;
exports.round = round;
exports.median = median;
exports.percentile = percentile;
exports.sleep = sleep;
exports.withTimeout = withTimeout;
exports.benchModule = benchModule;
require("reflect-metadata");
const common_1 = require("@nestjs/common");
const microservices_1 = require("@nestjs/microservices");
const lib_1 = require("../lib");
exports.WORK = {
    noop: () => undefined,
    '1ms': () => sleep(1),
    '5ms': () => sleep(5),
};
/** Runs `work` and `then` after it: synchronously when `work` returned a plain value. */
function after(result, then) {
    if (result && typeof result.then === 'function')
        return result.then(then);
    then();
}
/**
 * Counts settled messages and times them from the first to the last, so
 * connection set-up and topology declaration stay out of the figure for every
 * contender alike.
 */
function settleMeter(name, messages) {
    let seen = 0;
    let first = 0n;
    let resolve;
    const result = new Promise((r) => (resolve = r));
    return {
        tick: () => {
            if (seen === 0)
                first = process.hrtime.bigint();
            if (++seen !== messages)
                return;
            // The first message's own cost is not in the interval: count the other messages - 1.
            const seconds = Number(process.hrtime.bigint() - first) / 1e9;
            resolve({ name, messages, seconds: round(seconds), perSecond: Math.round((messages - 1) / seconds) });
        },
        result,
    };
}
function round(value, digits = 3) {
    return Math.round(value * 10 ** digits) / 10 ** digits;
}
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
async function withTimeout(promise, ms, what) {
    let timer;
    try {
        return await Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms)))]);
    }
    finally {
        clearTimeout(timer);
    }
}
/**
 * An application module with one controller whose `@EventPattern(pattern)`
 * handler is `handle(data, ctx)`, declared at run time (Kafka's patterns are
 * topics, fresh per run). `ackPolicy` adds `@AckPolicy(REJECT_ON_ERROR)`,
 * `ackModule` imports `AckModule.forRoot()` as the README tells users to.
 */
function benchModule(pattern, handle, options = {}) {
    class BenchController {
        handle(data, ctx) {
            return handle(data, ctx);
        }
    }
    const proto = BenchController.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'handle');
    Reflect.defineMetadata('design:paramtypes', [Object, Object], proto, 'handle');
    (0, microservices_1.Payload)()(proto, 'handle', 0);
    (0, microservices_1.Ctx)()(proto, 'handle', 1);
    (0, microservices_1.EventPattern)(pattern)(proto, 'handle', descriptor);
    if (options.ackPolicy)
        (0, lib_1.AckPolicy)(lib_1.AckPolicy.REJECT_ON_ERROR)(proto, 'handle', descriptor);
    (0, common_1.Controller)()(BenchController);
    class BenchModule {
    }
    (0, common_1.Module)({ imports: options.ackModule ? [lib_1.AckModule.forRoot()] : [], controllers: [BenchController] })(BenchModule);
    return BenchModule;
}
//# sourceMappingURL=measure.js.map