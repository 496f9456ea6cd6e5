"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rabbitTransport = rabbitTransport;
const amqplib_1 = require("amqplib");
const lib_1 = require("../../lib");
const rabbitmq_1 = require("../../lib/rabbitmq");
const patterns_1 = require("../patterns");
const transport_1 = require("../transport");
/** Never printed: it may carry credentials. */
const url = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
/** RabbitMQ: one quorum queue for every pattern, its dead letters in `<queue>.dlq`. */
async function rabbitTransport() {
    const queue = `sample-${patterns_1.RUN_ID}`;
    const dlq = `${queue}.dlq`;
    const withChannel = async (work) => {
        const model = await (0, amqplib_1.connect)(url);
        model.on('error', () => undefined);
        try {
            return await work(model);
        }
        finally {
            await model.close().catch(() => undefined);
        }
    };
    return {
        description: `RabbitMQ (queue ${queue}, dead letters in ${dlq})`,
        server: new rabbitmq_1.RabbitAckServer({ urls: url, queue }),
        client: new rabbitmq_1.RabbitAckClient({ urls: url, queue }),
        publishPoison: () => withChannel(async (model) => {
            const channel = await model.createConfirmChannel();
            channel.sendToQueue(queue, Buffer.from('{ not json'), { persistent: true });
            await channel.waitForConfirms();
        }),
        // Read after the app closed: anything it had not acked is back in the queue's ready count.
        readBroker: () => withChannel(async (model) => {
            const channel = await model.createChannel();
            const { messageCount: ready } = await channel.checkQueue(queue);
            const { messageCount: deadLettered } = await channel.checkQueue(dlq);
            // Each dead letter read without consuming it: fetched unacked, put back when the channel closes.
            const entries = [];
            for (let message = await channel.get(dlq); message; message = await channel.get(dlq))
                entries.push(message);
            await channel.close();
            const header = (message, name) => String(message.properties.headers?.[name] ?? '');
            const deadLetters = entries.map((message) => ({ pattern: (0, transport_1.patternInBody)(message.content) ?? '', reason: header(message, lib_1.DeadLetterHeaders.REASON) }));
            return {
                lines: [`queue ${queue}: ${ready} message(s) ready`, `dead-letter queue ${dlq}: ${deadLettered} message(s)`],
                unsettled: ready,
                deadLetters,
            };
        }),
        cleanup: () => withChannel(async (model) => {
            const channel = await model.createChannel();
            await channel.deleteQueue(queue);
            await channel.deleteQueue(dlq);
            await channel.deleteExchange(`${queue}.dlx`);
            await channel.close();
        }),
    };
}
//# sourceMappingURL=rabbitmq.js.map