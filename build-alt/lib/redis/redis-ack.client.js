"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisAckClient = void 0;
const node_crypto_1 = require("node:crypto");
const microservices_1 = require("@nestjs/microservices");
const errors_1 = require("../core/errors");
const option_checks_1 = require("../core/option-checks");
const reconnect_1 = require("../core/reconnect");
const redis_connection_1 = require("./redis-connection");
const redis_wire_1 = require("./redis-wire");
const pending_requests_1 = require("../core/pending-requests");
const telemetry_hooks_1 = require("../core/telemetry-hooks");
/** Seconds one `BLPOP` of the reply loop waits before looking again. */
const REPLY_BLOCK_SECONDS = 1;
/**
 * Publishes to a `RedisAckServer`: `emit()` is an `XADD` to the stream named
 * by the pattern (resolves once Redis stored it); `send()` also names this
 * client's reply list and waits there (`BLPOP`) for the replies, matched by
 * the request id. Entry fields: `body` (Nest's JSON packet), `headers`,
 * `replyTo`, `correlationId`.
 */
class RedisAckClient extends microservices_1.ClientProxy {
    options;
    reconnectOptions;
    replyKey;
    pending = new pending_requests_1.PendingRequests();
    redis;
    replies;
    connecting;
    closed = false;
    constructor(options = {}) {
        super();
        this.options = options;
        if (options.maxLen !== undefined)
            (0, option_checks_1.assertNumber)(options.maxLen, 'maxLen', 1, true);
        const prefix = options.replyPrefix ?? 'nestjs-ack:reply:';
        if (typeof prefix !== 'string')
            throw new errors_1.InvalidOptionError('replyPrefix', prefix, 'a string');
        this.reconnectOptions = (0, reconnect_1.resolveReconnect)(options.reconnect);
        this.replyKey = `${prefix}${(0, node_crypto_1.randomUUID)()}`;
        this.initializeSerializer(options);
        this.initializeDeserializer(options);
    }
    connect() {
        this.closed = false;
        this.connecting ??= this.open().catch((error) => {
            this.connecting = undefined;
            this.redis?.disconnect();
            this.redis = undefined;
            throw error;
        });
        return this.connecting;
    }
    async close() {
        this.closed = true;
        const { redis, replies } = this;
        this.redis = undefined;
        this.replies = undefined;
        this.connecting = undefined;
        this.pending.failAll('Connection closed');
        replies?.client.disconnect();
        await replies?.loop;
        redis?.disconnect();
    }
    /** The ioredis client of commands (undefined before connect). */
    unwrap() {
        return this.redis;
    }
    publish(partial, callback) {
        const packet = this.assignPacketId(partial);
        const unsubscribe = this.pending.add(packet.id, callback);
        this.connect()
            .then(() => this.startReplyLoop())
            .then(() => this.add(packet, [redis_wire_1.RedisFields.REPLY_TO, this.replyKey, redis_wire_1.RedisFields.CORRELATION_ID, packet.id]))
            .catch((err) => this.pending.fail(packet.id, err));
        return unsubscribe;
    }
    async dispatchEvent(packet) {
        await this.connect();
        await this.add(packet, []);
        return undefined;
    }
    async open() {
        const redis = (0, redis_connection_1.openRedis)(this.options.connection, this.reconnectOptions, 'nestjs-ack:client');
        redis.on('error', () => undefined); // failed commands reject; ioredis reconnects
        redis.on('ready', () => this._status$.next('connected'));
        redis.on('close', () => this._status$.next('disconnected'));
        redis.on('reconnecting', () => this._status$.next('reconnecting'));
        this.redis = redis;
        await (0, redis_connection_1.whenReady)(redis);
    }
    /** `XADD <stream> [MAXLEN ~ n] * body <packet> [headers <json>] ...extra`; the stream is the pattern. */
    add(packet, extra) {
        const stream = this.normalizePattern(packet.pattern);
        return (0, telemetry_hooks_1.observePublish)({ transport: 'redis', destination: stream, pattern: stream, request: extra.length > 0 }, (trace) => this.addToStream(stream, packet, extra, trace));
    }
    async addToStream(stream, packet, extra, trace) {
        const redis = this.redis;
        if (!redis)
            throw new Error('nestjs-ack: RedisAckClient is closed');
        const { options, ...serialized } = this.serializer.serialize(packet);
        const headers = { ...this.options.headers, ...options?.headers, ...trace };
        const fields = [redis_wire_1.RedisFields.BODY, JSON.stringify(serialized)];
        if (Object.keys(headers).length > 0)
            fields.push(redis_wire_1.RedisFields.HEADERS, JSON.stringify(headers));
        const trim = this.options.maxLen === undefined ? [] : ['MAXLEN', '~', String(this.options.maxLen)];
        await redis.call('XADD', stream, ...trim, '*', ...fields, ...extra);
    }
    async startReplyLoop() {
        if (this.replies || !this.redis)
            return;
        const client = this.redis.duplicate();
        client.on('error', () => undefined);
        const replies = { client, loop: Promise.resolve() };
        this.replies = replies;
        replies.loop = this.replyLoop(client);
    }
    async replyLoop(client) {
        while (!this.closed && this.replies?.client === client) {
            try {
                const popped = (await client.callBuffer('BLPOP', this.replyKey, REPLY_BLOCK_SECONDS));
                if (popped)
                    await this.onReply(popped[1]);
            }
            catch {
                if (this.closed || client.status === 'end')
                    return;
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
        }
    }
    async onReply(body) {
        const raw = (0, pending_requests_1.parseReplyBody)(body);
        const id = typeof raw === 'object' && raw?.id !== undefined ? String(raw.id) : undefined;
        if (id === undefined || !this.pending.has(id))
            return; // not ours to read
        const { err, response, isDisposed } = await this.deserializer.deserialize(raw);
        this.pending.deliver(id, { err, response, isDisposed });
    }
}
exports.RedisAckClient = RedisAckClient;
//# sourceMappingURL=redis-ack.client.js.map