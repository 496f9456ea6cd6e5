"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.natsConformanceAdapter = natsConformanceAdapter;
const core_1 = require("@nestjs/core");
const rxjs_1 = require("rxjs");
const nats_1 = require("../../lib/nats");
const nats_broker_1 = require("./nats-broker");
const rabbit_conformance_adapter_1 = require("./rabbit-conformance-adapter");
/**
 * Runs the conformance suite on NATS JetStream: one fresh stream (and its
 * dead-letter stream) per start capturing the test's patterns as subjects;
 * counts from consumer info, dead letters read from the dead-letter stream;
 * both streams deleted at close.
 */
function natsConformanceAdapter() {
    let shared;
    const admin = () => (shared ??= (0, nats_broker_1.natsAdmin)());
    return {
        name: 'nats jetstream',
        canBlockDeadLetters: true,
        async dispose() {
            if (shared)
                await (await shared).nc.close();
        },
        async start(setup) {
            const broker = await admin();
            const stream = (0, nats_broker_1.uniqueStream)('conformance');
            // The streams exist before the server starts (it finds them), so what is published while it starts or after a cancelled start waits there.
            await broker.jsm.streams.add({ name: stream, subjects: setup.patterns });
            const server = new nats_1.NatsAckServer({ ...setup.serverOptions, servers: nats_broker_1.NATS_URL, stream, ensureStream: true, subjects: setup.patterns });
            const dead = server.brokerSettings.deadLetter;
            const app = await core_1.NestFactory.createMicroservice(setup.module, { strategy: server, logger: rabbit_conformance_adapter_1.testLogLevels });
            await broker.jsm.streams.add({ name: dead.stream, subjects: [`${dead.subjectPrefix}.>`] });
            const client = new nats_1.NatsAckClient({ servers: nats_broker_1.NATS_URL, publishTimeoutMs: 10_000 });
            try {
                if (setup.listen !== false)
                    await app.listen();
                await client.connect();
            }
            catch (error) {
                await app.close().catch(() => undefined);
                await client.close().catch(() => undefined);
                await (0, nats_broker_1.deleteStreams)(broker, stream, dead.stream);
                throw error;
            }
            const consumersOf = (pattern) => server.consumerPlans.filter((plan) => plan.subjects.includes(pattern)).map((plan) => plan.name);
            const infos = (pattern) => Promise.all(consumersOf(pattern).map((name) => (0, nats_broker_1.consumerInfo)(broker, stream, name)));
            let closed = false;
            return {
                app,
                server,
                emit: (pattern, data) => (0, rxjs_1.firstValueFrom)(client.emit(pattern, data), { defaultValue: undefined }),
                send: (pattern, data) => (0, rxjs_1.firstValueFrom)(client.send(pattern, data)),
                async publishRaw(pattern, body) {
                    await broker.js.publish(pattern, body);
                },
                async outstanding(pattern) {
                    const found = await infos(pattern);
                    // No consumer (a start cancelled before it made one): everything stored on the subject is outstanding.
                    if (found.length === 0)
                        return (0, nats_broker_1.storedOn)(broker, stream, pattern);
                    return found.reduce((sum, info) => sum + (0, nats_broker_1.outstandingOf)(info), 0);
                },
                deadLetters: (pattern) => (0, nats_broker_1.natsDeadLetters)(broker, dead.stream, dead.subjectPrefix, pattern),
                async consumers(pattern) {
                    // Open pull requests: a consume() in progress keeps one waiting on the server.
                    return (await infos(pattern)).reduce((sum, info) => sum + info.num_waiting, 0);
                },
                async blockDeadLetters(_pattern, blocked) {
                    const info = await broker.jsm.streams.info(dead.stream);
                    await broker.jsm.streams.update(dead.stream, { ...info.config, max_msg_size: blocked ? 1 : -1 });
                },
                async close() {
                    if (closed)
                        return;
                    closed = true;
                    try {
                        await app.close();
                    }
                    finally {
                        await client.close().catch(() => undefined);
                        await (0, nats_broker_1.deleteStreams)(broker, stream, dead.stream);
                    }
                },
            };
        },
    };
}
//# sourceMappingURL=nats-conformance-adapter.js.map