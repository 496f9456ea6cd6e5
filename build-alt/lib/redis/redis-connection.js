"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_REDIS_URL = void 0;
exports.defaultConsumerName = defaultConsumerName;
exports.openRedis = openRedis;
exports.isRedisClient = isRedisClient;
exports.whenReady = whenReady;
exports.describeAddress = describeAddress;
const node_os_1 = require("node:os");
const node_crypto_1 = require("node:crypto");
const ioredis_1 = require("ioredis");
const reconnect_1 = require("../core/reconnect");
/** The default address: the local Redis. */
exports.DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** A consumer name no other process uses: host, pid and a random part. */
function defaultConsumerName() {
    return `${(0, node_os_1.hostname)()}-${process.pid}-${(0, node_crypto_1.randomBytes)(3).toString('hex')}`;
}
/** ioredis options that make its reconnects follow `reconnect` (and give up after `maxAttempts`). */
function reconnectingOptions(reconnect, name) {
    return {
        connectionName: name,
        lazyConnect: true,
        // RESP2 replies (plain arrays) on every ioredis version: ioredis 6 speaks RESP3 by default, where
        // stream reads come back as maps.
        protocol: 2,
        // Commands wait for the connection to come back instead of failing after 20 retries.
        maxRetriesPerRequest: null,
        retryStrategy: (attempt) => (attempt > reconnect.maxAttempts ? null : (0, reconnect_1.reconnectDelay)(reconnect, attempt)),
    };
}
/**
 * Opens a client for `option`: a user's client is duplicated (so its own
 * settings and handlers stay untouched and closing ours never closes theirs).
 */
function openRedis(option, reconnect, name) {
    const ours = reconnectingOptions(reconnect, name);
    if (option instanceof ioredis_1.Redis)
        return option.duplicate(ours);
    if (typeof option === 'string' || option === undefined)
        return new ioredis_1.Redis(option ?? exports.DEFAULT_REDIS_URL, ours);
    return new ioredis_1.Redis({ ...option, ...ours });
}
/** Whether `option` is a client the user owns. */
function isRedisClient(option) {
    return option instanceof ioredis_1.Redis;
}
/**
 * Waits until `redis` is ready, connecting it when lazy. A failed attempt is
 * not the end: ioredis retries with the reconnect backoff; this rejects only
 * when it gives up (`reconnect.maxAttempts`), naming the address (redacted) and the last error.
 */
async function whenReady(redis) {
    if (redis.status === 'ready')
        return;
    let lastError;
    const onError = (error) => (lastError = error);
    redis.on('error', onError);
    try {
        await new Promise((resolve, reject) => {
            const onReady = () => {
                redis.off('end', onEnd);
                resolve();
            };
            const onEnd = () => {
                redis.off('ready', onReady);
                reject(new Error(`nestjs-ack: could not connect to Redis at ${describeAddress(redis)}${lastError ? `: ${lastError.message}` : ''}`));
            };
            redis.once('ready', onReady);
            redis.once('end', onEnd);
            // The first attempt's failure is only the first: ioredis goes on retrying, 'end' says when it gave up.
            if (redis.status === 'wait')
                redis.connect().catch(() => undefined);
        });
    }
    finally {
        redis.off('error', onError);
    }
}
/** `host:port` (or the socket path) of a client, never its password. */
function describeAddress(redis) {
    const { host, port, path } = redis.options;
    return path ?? `${host}:${port}`;
}
//# sourceMappingURL=redis-connection.js.map