"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveRedisSettings = resolveRedisSettings;
const errors_1 = require("../core/errors");
const option_checks_1 = require("../core/option-checks");
const reconnect_1 = require("../core/reconnect");
const redis_connection_1 = require("./redis-connection");
/** Validates the broker options; every error names the option and what is allowed. */
function resolveRedisSettings(options) {
    if (!options || typeof options !== 'object')
        throw new errors_1.InvalidOptionError('options', options, 'an object with at least { group }');
    const { connection } = options;
    if (connection !== undefined && typeof connection !== 'string' && (typeof connection !== 'object' || connection === null) && !(0, redis_connection_1.isRedisClient)(connection)) {
        throw new errors_1.InvalidOptionError('connection', typeof connection, 'a redis:// URL, ioredis options or an ioredis client');
    }
    nonEmpty(options.group, 'group');
    const consumer = options.consumer ?? (0, redis_connection_1.defaultConsumerName)();
    nonEmpty(consumer, 'consumer');
    const streams = options.streams ?? [];
    if (!Array.isArray(streams) || streams.some((s) => typeof s !== 'string' || s === '')) {
        throw new errors_1.InvalidOptionError('streams', streams, 'an array of non-empty stream names');
    }
    const startId = options.startId ?? '0';
    if (startId !== '$' && startId !== '0')
        throw new errors_1.InvalidOptionError('startId', startId, "'$', '0'");
    const blockMs = options.blockMs ?? 2000;
    (0, option_checks_1.assertNumber)(blockMs, 'blockMs', 1, true);
    const minIdleMs = options.minIdleMs ?? 30_000;
    (0, option_checks_1.assertNumber)(minIdleMs, 'minIdleMs', 30, true);
    const claimIntervalMs = options.claimIntervalMs ?? 1000;
    (0, option_checks_1.assertNumber)(claimIntervalMs, 'claimIntervalMs', 1, true);
    const deadLetter = options.deadLetter ?? {};
    if (deadLetter !== false && (typeof deadLetter !== 'object' || deadLetter === null)) {
        throw new errors_1.InvalidOptionError('deadLetter', deadLetter, 'false or { streamSuffix? }');
    }
    const deadLetterSuffix = deadLetter === false ? false : (deadLetter.streamSuffix ?? ':dlq');
    if (deadLetterSuffix !== false)
        nonEmpty(deadLetterSuffix, 'deadLetter.streamSuffix');
    const deleteOnAck = options.deleteOnAck ?? false;
    if (typeof deleteOnAck !== 'boolean')
        throw new errors_1.InvalidOptionError('deleteOnAck', deleteOnAck, 'true, false');
    if (options.trimMaxLen !== undefined)
        (0, option_checks_1.assertNumber)(options.trimMaxLen, 'trimMaxLen', 1, true);
    const replyTtlMs = options.replyTtlMs ?? 60_000;
    (0, option_checks_1.assertNumber)(replyTtlMs, 'replyTtlMs', 1, true);
    return {
        connection,
        group: options.group,
        consumer,
        streams,
        startId,
        blockMs,
        minIdleMs,
        claimIntervalMs,
        deadLetterSuffix,
        deleteOnAck,
        trimMaxLen: options.trimMaxLen,
        replyTtlMs,
        reconnect: (0, reconnect_1.resolveReconnect)(options.reconnect),
    };
}
function nonEmpty(value, option) {
    if (typeof value !== 'string' || value.trim() === '')
        throw new errors_1.InvalidOptionError(option, value, 'a non-empty string');
}
//# sourceMappingURL=redis-settings.js.map