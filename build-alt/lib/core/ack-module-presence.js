"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ackModuleStarted = ackModuleStarted;
exports.ackModuleStopped = ackModuleStopped;
exports.isAckModuleActive = isAckModuleActive;
/**
 * How many `AckModule`s are initialized in this process. The core cannot see
 * the application's module graph, so the module counts itself here while it
 * lives and a server checks at start. Kept on `globalThis` so two copies of
 * the package still agree.
 */
const KEY = Symbol.for('nestjs-ack.active-modules');
function ackModuleStarted() {
    globalThis[KEY] = (globalThis[KEY] ?? 0) + 1;
}
function ackModuleStopped() {
    globalThis[KEY] = Math.max(0, (globalThis[KEY] ?? 0) - 1);
}
function isAckModuleActive() {
    return (globalThis[KEY] ?? 0) > 0;
}
//# sourceMappingURL=ack-module-presence.js.map