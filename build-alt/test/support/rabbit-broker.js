"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RABBITMQ_URL = void 0;
exports.queueDepth = queueDepth;
exports.outstandingIn = outstandingIn;
exports.withRabbit = withRabbit;
exports.peekQueue = peekQueue;
exports.deleteRabbitTopology = deleteRabbitTopology;
exports.deadLetterFields = deadLetterFields;
exports.rabbitmqctl = rabbitmqctl;
const node_child_process_1 = require("node:child_process");
const node_util_1 = require("node:util");
const amqplib_1 = require("amqplib");
const core_1 = require("../../lib/core");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
/** The broker under test; never printed (it may carry credentials). */
exports.RABBITMQ_URL = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
/**
 * Real-time depth of a queue, read from the broker. `rabbitmqctl list_queues`
 * is not enough for quorum queues: their counts there are metrics refreshed
 * every ~5 s. So this asks the queue itself through `rabbitmqctl eval`: the
 * quorum queue's Raft state machine on its leader (`rabbit_fifo` ready and
 * checked-out counts) or the classic queue process. Returns undefined when the
 * queue does not exist.
 */
async function queueDepth(queue, vhost = '/') {
    if (!/^[\w.:-]+$/.test(queue) || !/^[\w./-]+$/.test(vhost))
        throw new Error(`queueDepth: unsupported queue name ${JSON.stringify(queue)}`);
    const expr = [
        `case rabbit_amqqueue:lookup(rabbit_misc:r(<<"${vhost}">>, queue, <<"${queue}">>)) of`,
        '{error, not_found} -> missing;',
        '{ok, Q} -> case amqqueue:get_type(Q) of',
        '  rabbit_quorum_queue -> L = amqqueue:get_pid(Q),',
        '    {ok, {_, R}, _} = ra:local_query(L, fun rabbit_fifo:query_messages_ready/1),',
        '    {ok, {_, C}, _} = ra:local_query(L, fun rabbit_fifo:query_messages_checked_out/1), {R, C};',
        '  _ -> [{_, R}, {_, U}] = rabbit_amqqueue:info(Q, [messages_ready, messages_unacknowledged]), {R, U}',
        'end end.',
    ].join(' ');
    const { stdout } = await run('rabbitmqctl', ['eval', expr], { timeout: 30_000 });
    const text = stdout.trim();
    if (text === 'missing')
        return undefined;
    const match = /^\{(\d+),(\d+)\}$/.exec(text);
    if (!match)
        throw new Error(`queueDepth: unexpected rabbitmqctl answer ${JSON.stringify(text.slice(0, 200))}`);
    return { ready: Number(match[1]), unacked: Number(match[2]) };
}
/** Ready + unacked (0 when the queue is gone). */
async function outstandingIn(queue) {
    const depth = await queueDepth(queue);
    return depth ? depth.ready + depth.unacked : 0;
}
/** A short-lived connection for test-side broker work. */
async function withRabbit(work) {
    const model = await (0, amqplib_1.connect)(exports.RABBITMQ_URL);
    model.on('error', () => undefined);
    try {
        return await work(model);
    }
    finally {
        await model.close().catch(() => undefined);
    }
}
/**
 * Every message of a queue without consuming it: fetched unacked, then the
 * channel closes and the broker puts them all back.
 */
async function peekQueue(queue, limit = 10_000) {
    return withRabbit(async (model) => {
        const channel = await model.createChannel();
        channel.on('error', () => undefined);
        const messages = [];
        for (let i = 0; i < limit; i++) {
            const message = await channel.get(queue, { noAck: false });
            if (!message)
                break;
            messages.push(message);
        }
        await channel.close().catch(() => undefined);
        return messages;
    });
}
/** Deletes the queue and its default dead-letter queue and exchange (`<queue>.dlq`, `<queue>.dlx`), and any extra names given. */
async function deleteRabbitTopology(queue, extra = {}) {
    await withRabbit(async (model) => {
        for (const name of [queue, `${queue}.dlq`, ...(extra.queues ?? [])]) {
            const channel = await model.createChannel();
            channel.on('error', () => undefined);
            await channel.deleteQueue(name).catch(() => undefined);
            await channel.close().catch(() => undefined);
        }
        for (const name of [`${queue}.dlx`, ...(extra.exchanges ?? [])]) {
            const channel = await model.createChannel();
            channel.on('error', () => undefined);
            await channel.deleteExchange(name).catch(() => undefined);
            await channel.close().catch(() => undefined);
        }
    });
}
/** The x-dead-letter-* headers of a DLQ entry, decoded. */
function deadLetterFields(message) {
    const headers = {};
    for (const [name, value] of Object.entries(message.properties.headers ?? {})) {
        if (name === 'x-delivery-count' || name === 'x-acquired-count')
            continue; // set by the DLQ itself when re-read
        headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : JSON.stringify(value);
    }
    const text = (name) => headers[name];
    return {
        body: message.content,
        headers,
        reason: text(core_1.DeadLetterHeaders.REASON) ?? '',
        errorName: text(core_1.DeadLetterHeaders.ERROR_NAME),
        errorMessage: text(core_1.DeadLetterHeaders.ERROR_MESSAGE),
        deliveryCount: Number(text(core_1.DeadLetterHeaders.DELIVERY_COUNT) ?? NaN),
        source: JSON.parse(text(core_1.DeadLetterHeaders.SOURCE) ?? '{}'),
        firstFailureAt: text(core_1.DeadLetterHeaders.FIRST_FAILURE_AT),
        lastFailureAt: text(core_1.DeadLetterHeaders.LAST_FAILURE_AT),
    };
}
/** Runs `rabbitmqctl` (as root in this environment). */
async function rabbitmqctl(...args) {
    const { stdout } = await run('rabbitmqctl', args, { timeout: 120_000 });
    return stdout;
}
//# sourceMappingURL=rabbit-broker.js.map