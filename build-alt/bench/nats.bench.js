"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.natsBench = natsBench;
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const jetstream_1 = require("@nats-io/jetstream");
const transport_node_1 = require("@nats-io/transport-node");
const nats_1 = require("../lib/nats");
const broker_urls_1 = require("../test/support/broker-urls");
const measure_1 = require("./measure");
const BATCH = 50;
const SUBJECT = 'bench';
const uniqueStream = (prefix) => `${prefix}_${Date.now().toString(36)}_${Math.random().toString(16).slice(2, 8)}`.toUpperCase();
const ours = (ackModule) => ({
    role: ackModule ? 'ours+module' : 'ours',
    label: ackModule ? 'NatsAckServer + AckModule' : 'NatsAckServer',
    async start(stream, work, tick) {
        const server = new nats_1.NatsAckServer({ servers: broker_urls_1.brokerUrls.nats, stream, concurrency: BATCH, batchSize: BATCH, deadLetter: false });
        server.on('settled', tick);
        const app = await core_1.NestFactory.createMicroservice((0, measure_1.benchModule)(`${stream}.${SUBJECT}`, work, { ackPolicy: true, ackModule }), { strategy: server, logger: ['error'] });
        await app.listen();
        return () => app.close();
    },
});
/** NATS JetStream: a durable pull consumer's consume() + ack by hand, `NatsAckServer` without and with `AckModule` (Nest's NATS transport has no JetStream acks: no Nest column). */
function natsBench() {
    const streams = [];
    return {
        id: 'nats',
        title: `NATS JetStream, batch ${BATCH}`,
        concurrency: BATCH,
        contenders: [
            {
                role: 'raw',
                label: '@nats-io/jetstream consume + ack',
                async start(stream, work, tick) {
                    const nc = await (0, transport_node_1.connect)({ servers: broker_urls_1.brokerUrls.nats });
                    const jsm = await (0, jetstream_1.jetstreamManager)(nc);
                    await jsm.consumers.add(stream, { durable_name: 'raw', ack_policy: jetstream_1.AckPolicy.Explicit, filter_subject: `${stream}.${SUBJECT}` });
                    const consumer = await (0, jetstream_1.jetstream)(nc).consumers.get(stream, 'raw');
                    const messages = await consumer.consume({ max_messages: BATCH });
                    void (async () => {
                        for await (const message of messages) {
                            const packet = JSON.parse(message.string());
                            void (0, measure_1.after)(work(packet.data), () => {
                                message.ack();
                                tick();
                            });
                        }
                    })();
                    return async () => {
                        await messages.close();
                        await nc.close();
                    };
                },
            },
            ours(false),
            ours(true),
        ],
        async fill(count) {
            const stream = uniqueStream('BENCH');
            streams.push(stream);
            const subject = `${stream}.${SUBJECT}`;
            const nc = await (0, transport_node_1.connect)({ servers: broker_urls_1.brokerUrls.nats });
            const jsm = await (0, jetstream_1.jetstreamManager)(nc);
            await jsm.streams.add({ name: stream, subjects: [subject] });
            const js = (0, jetstream_1.jetstream)(nc);
            const acks = [];
            for (let i = 0; i < count; i++) {
                acks.push(js.publish(subject, JSON.stringify({ pattern: subject, data: { i } })));
                if (acks.length === 500)
                    await Promise.all(acks.splice(0));
            }
            await Promise.all(acks);
            await nc.close();
            return stream;
        },
        async publisher(stream) {
            const nc = await (0, transport_node_1.connect)({ servers: broker_urls_1.brokerUrls.nats });
            const js = (0, jetstream_1.jetstream)(nc);
            const subject = `${stream}.${SUBJECT}`;
            return {
                publish: async (data) => void (await js.publish(subject, JSON.stringify({ pattern: subject, data }))),
                close: () => nc.close(),
            };
        },
        async version() {
            const nc = await (0, transport_node_1.connect)({ servers: broker_urls_1.brokerUrls.nats });
            const version = nc.info?.version;
            await nc.close();
            return `NATS ${version}`;
        },
        async cleanup() {
            const nc = await (0, transport_node_1.connect)({ servers: broker_urls_1.brokerUrls.nats });
            const jsm = await (0, jetstream_1.jetstreamManager)(nc);
            for (const stream of streams.splice(0))
                await jsm.streams.delete(stream).catch(() => undefined);
            await nc.close();
        },
    };
}
//# sourceMappingURL=nats.bench.js.map