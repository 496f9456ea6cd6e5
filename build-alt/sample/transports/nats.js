"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.natsTransport = natsTransport;
const jetstream_1 = require("@nats-io/jetstream");
const transport_node_1 = require("@nats-io/transport-node");
const lib_1 = require("../../lib");
const nats_1 = require("../../lib/nats");
const patterns_1 = require("../patterns");
/** Never printed: it may carry credentials. */
const servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
/**
 * NATS JetStream: a stream of this run capturing every pattern's subject,
 * durable pull consumers, dead letters in `<stream>_DLQ`. The broker's view:
 * the consumers' info (pending, ack pending) and the dead-letter stream read back.
 */
async function natsTransport(patterns) {
    const stream = `SAMPLE_${patterns_1.RUN_ID.toUpperCase()}`;
    const deadLetterStream = `${stream}_DLQ`;
    const deadLetterPrefix = `dead-letter.${stream}.`;
    const nc = await (0, transport_node_1.connect)({ servers });
    const jsm = await (0, jetstream_1.jetstreamManager)(nc);
    return {
        description: `NATS JetStream (stream ${stream}, dead letters in ${deadLetterStream})`,
        // `subjects` lists the unhandled pattern too, to show its messages dead-lettered as no-handler.
        server: new nats_1.NatsAckServer({ servers, stream, ensureStream: true, subjects: patterns, consumer: 'sample' }),
        client: new nats_1.NatsAckClient({ servers }),
        async publishPoison(subject) {
            await (0, jetstream_1.jetstream)(nc).publish(subject, Buffer.from('{ not json'));
        },
        async readBroker() {
            const lines = [];
            let unsettled = 0;
            for await (const info of jsm.consumers.list(stream)) {
                unsettled += info.num_pending + info.num_ack_pending;
                lines.push(`consumer ${info.name}: delivered ${info.delivered.stream_seq}, pending ${info.num_pending}, ack pending ${info.num_ack_pending}, redelivered ${info.num_redelivered}`);
            }
            const { state } = await jsm.streams.info(deadLetterStream);
            const deadLetters = [];
            for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
                const message = await jsm.streams.getMessage(deadLetterStream, { seq });
                if (!message)
                    continue;
                deadLetters.push({ pattern: message.subject.slice(deadLetterPrefix.length), reason: message.header?.get(lib_1.DeadLetterHeaders.REASON) ?? '' });
            }
            lines.push(`dead-letter stream ${deadLetterStream}: ${state.messages} message(s)`);
            return { lines, unsettled, deadLetters };
        },
        async cleanup() {
            await jsm.streams.delete(stream).catch(() => undefined);
            await jsm.streams.delete(deadLetterStream).catch(() => undefined);
            await nc.close();
        },
    };
}
//# sourceMappingURL=nats.js.map