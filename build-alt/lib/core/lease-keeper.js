"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.keepLease = keepLease;
/**
 * Calls `extend` every `periodMs` until stopped or `settled()` says the
 * delivery got its decision: a broker's lease on a delivery (JetStream
 * `ackWait`, a Redis pending entry's idle time, a table row's lease) is renewed
 * while its handler and its policy step run, and never after the settle
 * command went out (a renewal then could undo a nack's delay). A failed renewal
 * is reported and retried at the next tick; the timer never keeps the process alive.
 */
function keepLease(periodMs, extend, report, settled = () => false) {
    let renewing = false;
    const timer = setInterval(() => {
        if (settled()) {
            clearInterval(timer);
            return;
        }
        if (renewing)
            return; // a slow renewal is not stacked
        renewing = true;
        extend().then(() => (renewing = false), (error) => {
            renewing = false;
            report(error);
        });
    }, periodMs);
    timer.unref();
    return () => clearInterval(timer);
}
//# sourceMappingURL=lease-keeper.js.map