"use strict";
/**
 * The one difference between the terminus majors nestjs-ack supports that the
 * health indicator meets: how a check says `down`.
 *
 * | terminus | Nest   | a returned `{ status: 'down' }` | a thrown `HealthCheckError`     |
 * |----------|--------|---------------------------------|---------------------------------|
 * | 10.x     | 10     | counted as `up` (info)          | the way to report down          |
 * | 11.x     | 10, 11 | counted as down                 | counted as down (deprecated)    |
 * | 12.x     | 11, 12 | counted as down                 | gone: any throw is a 500        |
 *
 * Terminus >= 11 exports `HealthIndicatorService`; only older ones need the
 * throw. Terminus is loaded lazily, here only, so `nestjs-ack/health` imports
 * no terminus types and terminus stays an optional peer.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.reportDown = reportDown;
let legacyError;
/** Terminus 10's `HealthCheckError`, or null when the installed terminus takes returned `down` results. */
function legacyHealthCheckError() {
    if (legacyError === undefined) {
        let terminus;
        try {
            terminus = require('@nestjs/terminus');
        }
        catch {
            terminus = undefined; // used without terminus (a plain call): the returned result says it all
        }
        legacyError = terminus && !terminus.HealthIndicatorService && terminus.HealthCheckError ? terminus.HealthCheckError : null;
    }
    return legacyError;
}
/** Returns `result`, or throws it inside a `HealthCheckError` where the installed terminus (10.x) only sees thrown downs. */
function reportDown(result, message) {
    const HealthCheckError = legacyHealthCheckError();
    if (HealthCheckError)
        throw new HealthCheckError(message, result);
    return result;
}
//# sourceMappingURL=terminus-compat.js.map