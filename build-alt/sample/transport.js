"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.patternInBody = patternInBody;
exports.countInto = countInto;
/** The pattern named in a Nest envelope `{ pattern, data }`, or undefined when the body is not one. */
function patternInBody(body) {
    try {
        const pattern = JSON.parse(Buffer.from(body).toString('utf8'))?.pattern;
        return typeof pattern === 'string' ? pattern : undefined;
    }
    catch {
        return undefined;
    }
}
/** Adds one to `counts[key]`. */
function countInto(counts, key, by = 1) {
    counts[key] = (counts[key] ?? 0) + by;
    return counts;
}
//# sourceMappingURL=transport.js.map