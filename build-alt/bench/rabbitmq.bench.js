"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rabbitmqBench = rabbitmqBench;
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const amqplib_1 = require("amqplib");
const rabbitmq_1 = require("../lib/rabbitmq");
const broker_urls_1 = require("../test/support/broker-urls");
const names_1 = require("../test/support/names");
const measure_1 = require("./measure");
const PREFETCH = 50;
/**
 * RabbitMQ, one queue type: amqplib consume + ack by hand, Nest's `ServerRMQ`
 * (noAck false, ack in the handler), `RabbitAckServer` without and with
 * `AckModule`. Every contender gets prefetch 50 and a fresh queue holding the
 * same backlog.
 */
function rabbitmqBench(queueType) {
    const queues = [];
    const queueArguments = { 'x-queue-type': queueType };
    const ours = (ackModule) => ({
        role: ackModule ? 'ours+module' : 'ours',
        label: ackModule ? 'RabbitAckServer + AckModule' : 'RabbitAckServer',
        async start(queue, work, tick) {
            const server = new rabbitmq_1.RabbitAckServer({ urls: broker_urls_1.brokerUrls.rabbitmq, queue, queueType, prefetch: PREFETCH, concurrency: PREFETCH, deadLetter: false });
            server.on('settled', tick);
            const app = await core_1.NestFactory.createMicroservice((0, measure_1.benchModule)('bench', work, { ackPolicy: true, ackModule }), { strategy: server, logger: ['error'] });
            await app.listen();
            return () => app.close();
        },
    });
    return {
        id: `rabbitmq-${queueType}`,
        title: `RabbitMQ ${queueType}, prefetch ${PREFETCH}`,
        concurrency: PREFETCH,
        contenders: [
            {
                role: 'raw',
                label: 'amqplib consume + ack',
                async start(queue, work, tick) {
                    const connection = await (0, amqplib_1.connect)(broker_urls_1.brokerUrls.rabbitmq);
                    const channel = await connection.createChannel();
                    await channel.prefetch(PREFETCH);
                    await channel.consume(queue, (message) => {
                        if (!message)
                            return;
                        const packet = JSON.parse(message.content.toString('utf8'));
                        void (0, measure_1.after)(work(packet.data), () => {
                            channel.ack(message);
                            tick();
                        });
                    });
                    return () => connection.close();
                },
            },
            {
                role: 'nest',
                label: 'Nest ServerRMQ (noAck false)',
                async start(queue, work, tick) {
                    const server = new microservices_1.ServerRMQ({ urls: [broker_urls_1.brokerUrls.rabbitmq], queue, noAck: false, prefetchCount: PREFETCH, queueOptions: { durable: true, arguments: queueArguments } });
                    const handle = (data, ctx) => (0, measure_1.after)(work(data), () => {
                        ctx.getChannelRef().ack(ctx.getMessage());
                        tick();
                    });
                    const app = await core_1.NestFactory.createMicroservice((0, measure_1.benchModule)('bench', handle), { strategy: server, logger: ['error'] });
                    await app.listen();
                    return () => app.close();
                },
            },
            ours(false),
            ours(true),
        ],
        async fill(messages) {
            const queue = (0, names_1.uniqueName)(`bench-${queueType}`);
            queues.push(queue);
            const connection = await (0, amqplib_1.connect)(broker_urls_1.brokerUrls.rabbitmq);
            const channel = await connection.createConfirmChannel();
            await channel.assertQueue(queue, { durable: true, arguments: queueArguments });
            for (let i = 0; i < messages; i++) {
                channel.sendToQueue(queue, Buffer.from(JSON.stringify({ pattern: 'bench', data: { i } })), { persistent: true });
                if (i % 5000 === 4999)
                    await channel.waitForConfirms();
            }
            await channel.waitForConfirms();
            await connection.close();
            return queue;
        },
        async publisher(queue) {
            const connection = await (0, amqplib_1.connect)(broker_urls_1.brokerUrls.rabbitmq);
            const channel = await connection.createChannel();
            return {
                publish: (data) => void channel.sendToQueue(queue, Buffer.from(JSON.stringify({ pattern: 'bench', data })), { persistent: true }),
                close: () => connection.close(),
            };
        },
        async version() {
            const connection = await (0, amqplib_1.connect)(broker_urls_1.brokerUrls.rabbitmq);
            const properties = connection.connection.serverProperties;
            await connection.close();
            return `RabbitMQ ${properties.version}`;
        },
        async cleanup() {
            const connection = await (0, amqplib_1.connect)(broker_urls_1.brokerUrls.rabbitmq);
            const channel = await connection.createChannel();
            for (const queue of queues.splice(0))
                await channel.deleteQueue(queue).catch(() => undefined);
            await connection.close();
        },
    };
}
//# sourceMappingURL=rabbitmq.bench.js.map