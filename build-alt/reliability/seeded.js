"use strict";
/** Small deterministic randomness: a run is repeated exactly from its seed. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.prng = prng;
exports.chance = chance;
/** A PRNG (mulberry32) returning numbers in [0, 1). */
function prng(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** A number in [0, 1) fixed by its inputs: the same (seed, id, delivery) always fails or never. */
function chance(...parts) {
    let h = 2166136261;
    for (const part of parts) {
        h = Math.imul(h ^ (part >>> 0), 16777619);
        h = Math.imul(h ^ (h >>> 13), 0x5bd1e995);
    }
    return prng(h)();
}
//# sourceMappingURL=seeded.js.map