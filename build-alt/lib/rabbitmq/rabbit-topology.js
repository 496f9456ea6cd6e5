"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.queueArgumentsOf = queueArgumentsOf;
exports.declareTopology = declareTopology;
const errors_1 = require("../core/errors");
/** The arguments the consumed queue is declared with. */
function queueArgumentsOf(settings) {
    const args = { 'x-queue-type': settings.queueType };
    if (settings.deadLetter) {
        // Messages the broker itself dead-letters (delivery limit, expiry) land in the same place as ours.
        args['x-dead-letter-exchange'] = settings.deadLetter.exchange;
        args['x-dead-letter-routing-key'] = settings.deadLetter.routingKey;
    }
    return { ...args, ...settings.queueArguments };
}
/**
 * Declares (or, with `noAssert`, only checks) the queue, its bindings and the
 * dead-letter exchange and queue. Runs on a channel of its own, because a
 * failed declaration closes the channel it ran on.
 */
async function declareTopology(model, settings) {
    const channel = await model.createChannel();
    channel.on('error', () => undefined); // the failing call rejects too; reported there
    let step = '';
    try {
        const { queue, deadLetter, exchange } = settings;
        if (settings.noAssert) {
            step = `check queue "${queue}"`;
            await channel.checkQueue(queue);
            if (deadLetter) {
                step = `check dead-letter exchange "${deadLetter.exchange}"`;
                await channel.checkExchange(deadLetter.exchange);
            }
            return;
        }
        if (deadLetter) {
            step = `declare dead-letter exchange "${deadLetter.exchange}"`;
            await channel.assertExchange(deadLetter.exchange, 'direct', { durable: true });
            step = `declare dead-letter queue "${deadLetter.queue}"`;
            await channel.assertQueue(deadLetter.queue, { durable: true, arguments: { 'x-queue-type': settings.queueType } });
            step = `bind dead-letter queue "${deadLetter.queue}"`;
            await channel.bindQueue(deadLetter.queue, deadLetter.exchange, deadLetter.routingKey);
        }
        step = `declare queue "${queue}"`;
        await channel.assertQueue(queue, { durable: true, arguments: queueArgumentsOf(settings) });
        if (exchange) {
            step = `declare exchange "${exchange.name}"`;
            await channel.assertExchange(exchange.name, exchange.type, { durable: true });
            for (const key of exchange.routingKeys) {
                step = `bind queue "${queue}" to "${exchange.name}" with "${key}"`;
                await channel.bindQueue(queue, exchange.name, key);
            }
        }
    }
    catch (error) {
        const detail = (0, errors_1.asError)(error).message;
        const hint = /PRECONDITION_FAILED/.test(detail)
            ? ' (it exists with other arguments: match queueType/deadLetter/queueArguments, or set noAssert: true to use it as it is)'
            : '';
        throw new Error(`nestjs-ack: could not ${step}: ${detail}${hint}`);
    }
    finally {
        await channel.close().catch(() => undefined);
    }
}
//# sourceMappingURL=rabbit-topology.js.map