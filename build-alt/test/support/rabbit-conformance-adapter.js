"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.testLogLevels = void 0;
exports.rabbitConformanceAdapter = rabbitConformanceAdapter;
const core_1 = require("@nestjs/core");
const amqplib_1 = require("amqplib");
const rxjs_1 = require("rxjs");
const rabbitmq_1 = require("../../lib/rabbitmq");
const names_1 = require("./names");
const wait_for_1 = require("./wait-for");
const rabbit_topology_1 = require("../../lib/rabbitmq/rabbit-topology");
const rabbit_broker_1 = require("./rabbit-broker");
/** Nest log levels for test apps: quiet unless TEST_LOG=1. */
exports.testLogLevels = process.env.TEST_LOG ? ['log', 'error', 'warn', 'fatal'] : false;
/**
 * Runs the conformance suite on RabbitMQ: one fresh quorum queue (and its
 * `.dlq`/`.dlx`) per start, all the test's patterns on it; counts and dead
 * letters read from the broker; everything deleted at close.
 */
function rabbitConformanceAdapter(options = {}) {
    return {
        name: `rabbitmq (${options.queueType ?? 'quorum'})`,
        canBlockDeadLetters: true,
        async start(setup) {
            const queue = (0, names_1.uniqueName)('conformance');
            const dlq = `${queue}.dlq`;
            const server = new rabbitmq_1.RabbitAckServer({
                ...setup.serverOptions,
                urls: rabbit_broker_1.RABBITMQ_URL,
                queue,
                queueType: options.queueType ?? 'quorum',
                reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
            });
            const app = await core_1.NestFactory.createMicroservice(setup.module, { strategy: server, logger: exports.testLogLevels });
            const client = new rabbitmq_1.RabbitAckClient({ urls: rabbit_broker_1.RABBITMQ_URL, queue, publishTimeoutMs: 10_000 });
            let raw;
            const rawBodies = new Map(); // undecodable body (hex) -> the pattern it stood for
            try {
                // Without listen the queue must exist anyway, so that what is published waits there.
                if (setup.listen !== false)
                    await app.listen();
                else
                    await (0, rabbit_broker_1.withRabbit)((model) => (0, rabbit_topology_1.declareTopology)(model, server.brokerSettings));
                await client.connect();
            }
            catch (error) {
                await app.close().catch(() => undefined);
                await client.close().catch(() => undefined);
                await (0, rabbit_broker_1.deleteRabbitTopology)(queue).catch(() => undefined);
                throw error;
            }
            const patternOf = (body) => {
                const known = rawBodies.get(body.toString('hex'));
                if (known !== undefined)
                    return known;
                try {
                    const pattern = JSON.parse(body.toString('utf8'))?.pattern;
                    return typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
                }
                catch {
                    return undefined;
                }
            };
            let closed = false;
            return {
                app,
                server,
                emit: (pattern, data) => (0, rxjs_1.firstValueFrom)(client.emit(pattern, data), { defaultValue: undefined }),
                send: (pattern, data) => (0, rxjs_1.firstValueFrom)(client.send(pattern, data)),
                async publishRaw(pattern, body) {
                    rawBodies.set(body.toString('hex'), pattern);
                    if (!raw) {
                        const model = await (0, amqplib_1.connect)(rabbit_broker_1.RABBITMQ_URL);
                        model.on('error', () => undefined);
                        raw = { model, channel: await model.createConfirmChannel() };
                    }
                    raw.channel.sendToQueue(queue, body, { persistent: true });
                    await raw.channel.waitForConfirms();
                },
                // One queue per app: everything outstanding on it belongs to the test's patterns.
                outstanding: () => (0, rabbit_broker_1.outstandingIn)(queue),
                consumers: () => (0, rabbit_broker_1.withRabbit)(async (model) => {
                    const channel = await model.createChannel();
                    return (await channel.checkQueue(queue)).consumerCount;
                }),
                // A policy caps the dead-letter queue and refuses publishes beyond (confirms turn into nacks);
                // quorum queues enforce the cap softly, so filler entries (no pattern: never read as dead letters) fill it first.
                async blockDeadLetters(_pattern, blocked) {
                    const name = `block-${dlq}`;
                    if (!blocked) {
                        await (0, rabbit_broker_1.rabbitmqctl)('clear_policy', name);
                        return;
                    }
                    await (0, rabbit_broker_1.rabbitmqctl)('set_policy', '--apply-to', 'queues', name, `^${dlq.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, '{"max-length":1,"overflow":"reject-publish"}');
                    await (0, rabbit_broker_1.withRabbit)(async (model) => {
                        const channel = await model.createConfirmChannel();
                        const refused = () => new Promise((resolve) => channel.publish('', dlq, Buffer.from('filler'), {}, (error) => resolve(Boolean(error))));
                        await (0, wait_for_1.waitFor)(refused, { message: `${dlq} refusing publishes` });
                    });
                },
                async deadLetters(pattern) {
                    const entries = (await (0, rabbit_broker_1.peekQueue)(dlq)).map(rabbit_broker_1.deadLetterFields);
                    return entries
                        .filter((entry) => patternOf(entry.body) === pattern)
                        .map(({ body, headers, reason, errorName, errorMessage, deliveryCount, source }) => ({ body, headers, reason, errorName, errorMessage, deliveryCount, source }));
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
                        await raw?.model.close().catch(() => undefined);
                        await (0, rabbit_broker_1.deleteRabbitTopology)(queue);
                    }
                },
            };
        },
    };
}
//# sourceMappingURL=rabbit-conformance-adapter.js.map