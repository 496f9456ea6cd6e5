"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ensureGroups = ensureGroups;
exports.isNoGroup = isNoGroup;
/**
 * Creates the group on every stream where it is missing (`XGROUP CREATE ...
 * MKSTREAM`); an existing group is left as it is. Also run after a
 * reconnect: a Redis that came back without its data has lost the groups.
 */
async function ensureGroups(redis, streams, group, startId) {
    await Promise.all(streams.map(async (stream) => {
        try {
            await redis.call('XGROUP', 'CREATE', stream, group, startId, 'MKSTREAM');
        }
        catch (error) {
            if (!/BUSYGROUP/.test(String(error?.message)))
                throw error;
        }
    }));
}
/** Whether `error` says the group (or its stream) is gone. */
function isNoGroup(error) {
    return /NOGROUP/.test(String(error?.message));
}
//# sourceMappingURL=redis-groups.js.map