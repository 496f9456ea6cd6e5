"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisAckServer = exports.REDIS_TRANSPORT = void 0;
const ack_server_1 = require("../core/ack-server");
const errors_1 = require("../core/errors");
const redis_commands_1 = require("./redis-commands");
const redis_connection_1 = require("./redis-connection");
const redis_context_1 = require("./redis-context");
const redis_groups_1 = require("./redis-groups");
const redis_health_1 = require("./redis-health");
const redis_reclaimer_1 = require("./redis-reclaimer");
const redis_scripts_1 = require("./redis-scripts");
const redis_settings_1 = require("./redis-settings");
const redis_slots_1 = require("./redis-slots");
const redis_stream_reader_1 = require("./redis-stream-reader");
/** Identifies this transport to Nest's processing hooks. */
exports.REDIS_TRANSPORT = Symbol.for('nestjs-ack.redis');
/**
 * A NestJS microservice transport on Redis Streams with the nestjs-ack
 * contract: one consumer group over one stream per handler pattern, every
 * entry settled exactly once by policy (`XACK`; nack = stays pending and is
 * reclaimed when its delay ends; reject = `XADD` to `<stream>:dlq` then
 * `XACK`), entries of dead consumers reclaimed with `XAUTOCLAIM`, replies
 * pushed to the caller's list, and ioredis reconnecting by itself.
 *
 * @example
 * ```ts
 * const app = await NestFactory.createMicroservice(AppModule, {
 *   strategy: new RedisAckServer({ connection: process.env.REDIS_URL, group: 'orders-service' }),
 * });
 * ```
 */
class RedisAckServer extends ack_server_1.AckServer {
    /** The checked broker options. */
    brokerSettings;
    commands;
    contextType = redis_context_1.RedisAckContext;
    replies = { publishReply: (message, replyTo, packet) => this.publishReply(message, replyTo, packet) };
    held;
    redis;
    blocking;
    reader;
    reclaimer;
    streams = [];
    wasReady = false;
    intakeStopped = false;
    /** Entries read while intake was stopping: never handed to a handler, returned at disconnect. */
    unstarted = [];
    constructor(options) {
        super(options ?? {}, exports.REDIS_TRANSPORT);
        this.brokerSettings = (0, redis_settings_1.resolveRedisSettings)(options);
        this.held = new redis_slots_1.HeldEntries(this.settings.concurrency);
        this.commands = new redis_commands_1.RedisCommands(() => this.commandClient(), this.brokerSettings, (error) => this.reportError((0, errors_1.asError)(error), 'a delayed nack could not be renewed'));
    }
    /** The ioredis client of commands (undefined before start and after close). */
    unwrap() {
        return this.redis;
    }
    /** The streams read: the handlers' patterns plus the `streams` option. */
    get streamNames() {
        return this.streams;
    }
    /** Connected, consuming, and the group's `lag` (summed as `backlog`) and pending count per stream. */
    probeHealth() {
        return (0, redis_health_1.probeRedis)({
            group: this.brokerSettings.group,
            streams: this.streams,
            state: this.currentStatus,
            redis: this.redis,
            consuming: this.reader !== undefined && !this.intakeStopped && !this.isClosing,
        });
    }
    async start() {
        const { group, consumer, startId, reconnect } = this.brokerSettings;
        this.streams = [...new Set([...[...this.messageHandlers.keys()].map((pattern) => this.normalizePattern(pattern)), ...this.brokerSettings.streams])];
        const redis = (0, redis_scripts_1.withScripts)((0, redis_connection_1.openRedis)(this.brokerSettings.connection, reconnect, `nestjs-ack:${group}:${consumer}`));
        const blocking = (0, redis_connection_1.openRedis)(this.brokerSettings.connection, reconnect, `nestjs-ack:${group}:${consumer}:read`);
        this.redis = redis;
        this.blocking = blocking;
        for (const client of [redis, blocking])
            client.on('error', () => undefined); // reported through 'close' and failed commands
        this.watchConnection(redis);
        await this.unlessClosed(Promise.all([(0, redis_connection_1.whenReady)(redis), (0, redis_connection_1.whenReady)(blocking)]));
        this.wasReady = true;
        this.throwIfClosing();
        if (this.streams.length === 0)
            return; // nothing to read
        await this.unlessClosed((0, redis_groups_1.ensureGroups)(redis, this.streams, group, startId));
        this.throwIfClosing();
        const deliver = (message) => this.deliver(message);
        const report = (error, what) => this.reportError(error, what);
        this.reader = new redis_stream_reader_1.StreamReader(blocking, redis, this.streams, this.brokerSettings, this.held, deliver, report);
        this.reclaimer = new redis_reclaimer_1.Reclaimer(() => this.commandClient(), this.streams, this.brokerSettings, this.held, deliver, report);
        await this.unlessClosed(this.reader.start());
        this.reclaimer.start();
    }
    async stopReceiving() {
        this.intakeStopped = true;
        this.reclaimer?.stop();
        await this.reader?.stop();
    }
    async disconnect() {
        this.reclaimer?.stop();
        await this.reader?.stop().catch(() => undefined);
        const redis = this.redis;
        if (redis?.status === 'ready') {
            // Entries that arrived with the last read, and nacked entries waiting out a long delay, become claimable by the others now.
            await Promise.all(this.unstarted.splice(0).map((message) => this.commands.returnUnstarted(message).catch(() => undefined)));
            await this.commands.delayedNacks.releaseAll();
            await this.leaveGroup(redis);
        }
        else {
            this.commands.delayedNacks.dropAll();
        }
        this.redis = undefined;
        for (const client of [redis, this.blocking])
            client?.disconnect();
        this.blocking = undefined;
    }
    deliver(message) {
        if (this.intakeStopped || this.isClosing) {
            // A read that was on the wire when intake stopped (CLIENT UNBLOCK only ends a read that is blocked).
            this.unstarted.push(message);
            return;
        }
        this.held.add(message.key);
        void this.handleMessage(message).finally(() => this.held.release(message.key));
    }
    commandClient() {
        if (!this.redis)
            throw new Error('the Redis connection is closed');
        return this.redis;
    }
    /** Removes this consumer from the group on every stream where it holds nothing pending (the others keep its entries for a reclaim). */
    async leaveGroup(redis) {
        await Promise.all(this.streams.map((stream) => redis.nestjsAckLeave(stream, this.brokerSettings.group, this.brokerSettings.consumer).catch(() => undefined)));
    }
    watchConnection(redis) {
        let connected = true;
        redis.on('close', () => {
            if (!this.wasReady || this.isClosing || !connected)
                return; // once per outage, not per failed attempt
            connected = false;
            this.logger.warn('Redis connection lost; reconnecting');
            this.setStatus('disconnected');
            this.events.emit('disconnected');
        });
        redis.on('reconnecting', (delayMs) => {
            if (this.isClosing)
                return;
            this.setStatus('reconnecting');
            this.events.emit('reconnecting', delayMs);
        });
        redis.on('ready', () => {
            if (!this.wasReady || this.isClosing)
                return;
            // A Redis that restarted without persistence lost the groups: create them again before reading on.
            (0, redis_groups_1.ensureGroups)(redis, this.streams, this.brokerSettings.group, this.brokerSettings.startId).then(() => {
                connected = true;
                this.setStatus('connected');
                this.events.emit('connected');
            }, (error) => this.reportError((0, errors_1.asError)(error), 'could not create the consumer group again'));
        });
        redis.on('end', () => {
            if (!this.wasReady || this.isClosing || this.redis !== redis)
                return; // a failed start, or our own disconnect
            this.setStatus('disconnected');
            this.reportError(new Error('gave up reconnecting (reconnect.maxAttempts)'), 'Redis');
        });
    }
    /** `RPUSH` of the reply to the caller's list, with a time to live so a list nobody reads goes away. */
    async publishReply(message, replyTo, packet) {
        const body = JSON.stringify({ ...packet, id: message.correlationId ?? packet.id });
        const results = await this.commandClient().multi().rpush(replyTo, body).pexpire(replyTo, this.brokerSettings.replyTtlMs).exec();
        const failed = results?.find(([error]) => error);
        if (!results || failed)
            throw failed?.[0] ?? new Error('the reply transaction was discarded');
    }
}
exports.RedisAckServer = RedisAckServer;
//# sourceMappingURL=redis-ack.server.js.map