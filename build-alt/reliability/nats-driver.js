"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NatsDriver = void 0;
exports.natsStreamName = natsStreamName;
exports.retry = retry;
// The harness's hands on NATS JetStream (@nats-io/jetstream, not our client): one stream per
// scenario capturing `<stream>.item` (and the extra subjects), its dead-letter stream, reads of
// consumer info and of the dead letters.
const node_crypto_1 = require("node:crypto");
const jetstream_1 = require("@nats-io/jetstream");
const transport_node_1 = require("@nats-io/transport-node");
const core_1 = require("../lib/core");
/** The JetStream stream of a harness stream name (stream names take no dots). */
function natsStreamName(stream) {
    return stream.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase();
}
/** The dead-letter stream NatsAckServer uses by default for `stream`, and its subjects. */
const deadLetterStream = (stream) => `${natsStreamName(stream)}_DLQ`;
class NatsDriver {
    addresses;
    transport = 'nats';
    admin;
    constructor(addresses) {
        this.addresses = addresses;
    }
    connection() {
        this.admin ??= (0, transport_node_1.connect)({ servers: this.addresses, maxReconnectAttempts: -1, reconnectTimeWait: 100 }).then(async (nc) => ({ nc, js: (0, jetstream_1.jetstream)(nc, { timeout: 5000 }), jsm: await (0, jetstream_1.jetstreamManager)(nc) }));
        return this.admin;
    }
    pattern(stream) {
        return `${stream}.item`;
    }
    items(stream, ids) {
        return ids.map((id) => ({ body: Buffer.from(JSON.stringify({ pattern: this.pattern(stream), data: { id } })) }));
    }
    async prepare(stream, extra = []) {
        const { jsm } = await this.connection();
        await jsm.streams.add({ name: natsStreamName(stream), subjects: [this.pattern(stream), ...extra] });
        await jsm.streams.add({ name: deadLetterStream(stream), subjects: [`dead-letter.${natsStreamName(stream)}.>`] });
    }
    async publish(stream, messages) {
        const { js } = await this.connection();
        // Each message has a Nats-Msg-Id: one sent again after a lost PubAck (a broker restart) is stored once.
        const pending = messages.map((message) => ({ message, id: (0, node_crypto_1.randomUUID)() }));
        for (let start = 0; start < pending.length; start += 100) {
            await Promise.all(pending.slice(start, start + 100).map(async ({ message, id }) => {
                const hdrs = (0, transport_node_1.headers)();
                for (const [key, value] of Object.entries(message.headers ?? {}))
                    hdrs.set(key, value);
                if (message.replyTo !== undefined)
                    hdrs.set('nestjs-ack-reply-to', message.replyTo);
                await retry(() => js.publish(message.topic ?? this.pattern(stream), message.body ?? new Uint8Array(0), { headers: hdrs, msgID: id }));
            }));
        }
    }
    async outstanding(stream) {
        const { jsm } = await this.connection();
        const consumers = await retry(async () => jsm.consumers.list(natsStreamName(stream)).next());
        if (consumers.length === 0)
            return (await jsm.streams.info(natsStreamName(stream))).state.messages;
        return consumers.reduce((sum, info) => sum + info.num_pending + info.num_ack_pending, 0);
    }
    async deadLetters(stream) {
        const { jsm } = await this.connection();
        const name = deadLetterStream(stream);
        const info = await retry(() => jsm.streams.info(name));
        const letters = [];
        for (let seq = info.state.first_seq; info.state.messages > 0 && seq <= info.state.last_seq; seq++) {
            const message = await jsm.streams.getMessage(name, { seq }).catch(() => null);
            if (!message)
                continue;
            const get = (key) => (message.header?.has(key) ? message.header.get(key) : undefined);
            letters.push({ input: get('x-rel-input'), reason: get(core_1.DeadLetterHeaders.REASON) ?? '', deliveryCount: Number(get(core_1.DeadLetterHeaders.DELIVERY_COUNT) ?? NaN), body: Buffer.from(message.data) });
        }
        return letters;
    }
    async cleanup(stream) {
        const { jsm } = await this.connection();
        for (const name of [natsStreamName(stream), deadLetterStream(stream)])
            await jsm.streams.delete(name).catch(() => undefined);
    }
    async close() {
        const admin = this.admin;
        this.admin = undefined;
        await (await admin?.catch(() => undefined))?.nc.close().catch(() => undefined);
    }
}
exports.NatsDriver = NatsDriver;
/** Runs `work` again after a failure (a broker restart) for up to 2 minutes. */
async function retry(work, limitMs = 120_000) {
    const deadline = Date.now() + limitMs;
    for (;;) {
        try {
            return await work();
        }
        catch (error) {
            if (Date.now() > deadline)
                throw error;
            await new Promise((resolve) => setTimeout(resolve, 200));
        }
    }
}
//# sourceMappingURL=nats-driver.js.map