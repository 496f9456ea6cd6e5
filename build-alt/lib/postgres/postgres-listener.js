"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostgresListener = void 0;
const reconnect_1 = require("../core/reconnect");
const postgres_sql_1 = require("./postgres-sql");
/**
 * One connection of the pool kept for `LISTEN` (a pooled connection cannot
 * listen: it is handed to others between queries), reconnected with backoff
 * when it drops.
 */
class PostgresListener {
    pool;
    channels;
    hooks;
    reconnect;
    client;
    closed = false;
    reconnecting;
    constructor(pool, channels, hooks, reconnect) {
        this.pool = pool;
        this.channels = channels;
        this.hooks = hooks;
        this.reconnect = reconnect;
    }
    /** Connects and listens; rejects when the first attempt fails. */
    async open() {
        await this.listen();
        this.hooks.connected();
    }
    /** Cuts the wait before the next reconnect attempt short (the database is known to answer again). */
    retryNow() {
        this.reconnecting?.wake();
    }
    async close() {
        this.closed = true;
        this.reconnecting?.wake();
        this.client?.drop();
        this.client = undefined;
    }
    async listen() {
        const client = await this.pool.connect();
        if (this.closed) {
            client.release(true);
            return;
        }
        let lost = false;
        let listening = false;
        const drop = () => {
            if (lost)
                return false;
            lost = true;
            client.removeListener('notification', onNotification);
            if (this.client?.connection === client)
                this.client = undefined;
            client.release(true);
            return true;
        };
        const onLost = (error) => {
            if (!drop())
                return;
            // A failure while setting up is the attempt's failure, reported by the caller.
            if (listening && !this.closed)
                this.onLost(error);
        };
        const onNotification = (message) => this.hooks.notified(message.channel, message.payload);
        client.on('error', onLost);
        client.on('end', () => onLost(new Error('the LISTEN connection ended')));
        client.on('notification', onNotification);
        try {
            for (const channel of this.channels)
                await client.query(`LISTEN ${(0, postgres_sql_1.quoteIdent)(channel)}`);
        }
        catch (error) {
            onLost(error);
            throw error;
        }
        if (lost)
            throw new Error('the LISTEN connection ended while listening');
        if (this.closed) {
            // close() ran while LISTEN was on the wire: nobody else will release this connection, and the pool's end() waits for it.
            drop();
            return;
        }
        listening = true;
        this.client = { connection: client, drop };
    }
    onLost(error) {
        this.hooks.disconnected(error);
        let lastError = error;
        const loop = (0, reconnect_1.reconnectLoop)(this.reconnect, {
            connect: () => this.listen(),
            isClosed: () => this.closed,
            onAttempt: (attempt) => this.hooks.reconnecting(attempt),
            onAttemptFailed: (e) => (lastError = e),
        });
        this.reconnecting = loop;
        void loop.done.then((connected) => {
            this.reconnecting = undefined;
            if (connected && !this.closed)
                this.hooks.connected();
            else if (!this.closed)
                this.hooks.failed(lastError);
        });
    }
}
exports.PostgresListener = PostgresListener;
//# sourceMappingURL=postgres-listener.js.map