"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseServerVersion = parseServerVersion;
exports.serverAtLeast = serverAtLeast;
exports.featuresOf = featuresOf;
/** A nats-server version as `[major, minor, patch]`; unknown parts are 0. */
function parseServerVersion(version) {
    const [major, minor, patch] = String(version ?? '').split(/[.-]/).map((part) => Number.parseInt(part, 10));
    return [major || 0, minor || 0, patch || 0];
}
/** Whether the server is at least `major.minor`. */
function serverAtLeast(version, major, minor) {
    const [a, b] = parseServerVersion(version);
    return a > major || (a === major && b >= minor);
}
function featuresOf(version) {
    return { multipleFilterSubjects: serverAtLeast(version, 2, 10), termReason: serverAtLeast(version, 2, 11) };
}
//# sourceMappingURL=nats-version.js.map