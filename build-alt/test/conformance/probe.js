"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.probes = exports.PatternProbe = void 0;
exports.probeFor = probeFor;
/** What the suite observed for one pattern: handler entries and contexts (the broker state is read separately). */
class PatternProbe {
    /** Delivery counts seen at the first step (guard, interceptor, pipe or handler) of each delivery. */
    deliveries = [];
    contexts = [];
    /** Results of manual settle calls made by handlers. */
    manualResults = [];
    handled = [];
    releaseGate;
    gate;
    enter(context) {
        if (this.contexts.includes(context))
            return;
        this.contexts.push(context);
        this.deliveries.push(context.getDeliveryCount());
    }
    /** Makes handlers wait until `release()` (for in-flight close tests). */
    hold() {
        this.gate = new Promise((resolve) => (this.releaseGate = resolve));
    }
    release() {
        this.releaseGate?.();
    }
    waitAtGate() {
        return this.gate ?? Promise.resolve();
    }
    get lastContext() {
        const context = this.contexts.at(-1);
        if (!context)
            throw new Error('no delivery reached the handler');
        return context;
    }
}
exports.PatternProbe = PatternProbe;
/** Probes by pattern; handlers built by the suite find theirs here. */
exports.probes = new Map();
function probeFor(pattern) {
    let probe = exports.probes.get(pattern);
    if (!probe) {
        probe = new PatternProbe();
        exports.probes.set(pattern, probe);
    }
    return probe;
}
//# sourceMappingURL=probe.js.map