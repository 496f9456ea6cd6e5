"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveRabbitSettings = resolveRabbitSettings;
const reconnect_1 = require("../core/reconnect");
const rabbit_url_1 = require("./rabbit-url");
const QUEUE_TYPES = ['quorum', 'classic'];
const EXCHANGE_TYPES = ['direct', 'topic', 'fanout', 'headers'];
/** Validates the broker options; every message names the option and what is allowed. */
function resolveRabbitSettings(options, concurrency) {
    if (!options || typeof options !== 'object')
        throw new Error('nestjs-ack: RabbitAckServer needs an options object with at least { queue }');
    const { queue } = options;
    if (typeof queue !== 'string' || queue.trim() === '') {
        throw new Error(`nestjs-ack: RabbitAckServer needs the option queue (a non-empty string, the queue to consume); got ${JSON.stringify(queue)}`);
    }
    const queueType = options.queueType ?? 'quorum';
    oneOf('queueType', queueType, QUEUE_TYPES);
    const prefetch = options.prefetch ?? Math.max(20, 2 * concurrency);
    if (!Number.isInteger(prefetch) || prefetch < concurrency || prefetch > 65535) {
        throw new Error(`nestjs-ack: invalid prefetch ${JSON.stringify(prefetch)}; allowed: an integer from concurrency (${concurrency}) to 65535`);
    }
    const queueArguments = options.queueArguments ?? {};
    if (typeof queueArguments !== 'object' || Array.isArray(queueArguments)) {
        throw new Error('nestjs-ack: invalid queueArguments; allowed: an object of queue arguments');
    }
    return {
        urls: (0, rabbit_url_1.resolveUrls)(options.urls),
        queue,
        queueType,
        noAssert: bool('noAssert', options.noAssert ?? false),
        queueArguments,
        exchange: resolveExchange(options),
        prefetch,
        deadLetter: resolveDeadLetter(options),
        reconnect: (0, reconnect_1.resolveReconnect)(options.reconnect),
    };
}
function resolveExchange(options) {
    if (options.exchange === undefined) {
        if (options.routingKeys !== undefined)
            throw new Error('nestjs-ack: the option routingKeys needs the option exchange');
        return undefined;
    }
    if (typeof options.exchange !== 'string' || options.exchange === '') {
        throw new Error(`nestjs-ack: invalid exchange ${JSON.stringify(options.exchange)}; allowed: a non-empty exchange name`);
    }
    const type = options.exchangeType ?? 'topic';
    oneOf('exchangeType', type, EXCHANGE_TYPES);
    const defaults = type === 'topic' ? ['#'] : type === 'direct' ? [options.queue] : [''];
    const routingKeys = options.routingKeys ?? defaults;
    if (!Array.isArray(routingKeys) || routingKeys.length === 0 || routingKeys.some((key) => typeof key !== 'string')) {
        throw new Error(`nestjs-ack: invalid routingKeys ${JSON.stringify(routingKeys)}; allowed: a non-empty array of strings`);
    }
    return { name: options.exchange, type, routingKeys };
}
function resolveDeadLetter(options) {
    const value = options.deadLetter ?? {};
    if (value === false)
        return false;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Error(`nestjs-ack: invalid deadLetter ${JSON.stringify(value)}; allowed: false or { exchange?, queue?, routingKey? }`);
    }
    const target = {
        exchange: value.exchange ?? `${options.queue}.dlx`,
        queue: value.queue ?? `${options.queue}.dlq`,
        routingKey: value.routingKey ?? options.queue,
    };
    for (const [name, text] of Object.entries(target)) {
        if (typeof text !== 'string' || (name !== 'routingKey' && text === '')) {
            throw new Error(`nestjs-ack: invalid deadLetter.${name} ${JSON.stringify(text)}; allowed: a non-empty string`);
        }
    }
    if (target.queue === options.queue)
        throw new Error('nestjs-ack: invalid deadLetter.queue: it must differ from queue');
    return target;
}
function oneOf(name, value, allowed) {
    if (!allowed.includes(value)) {
        throw new Error(`nestjs-ack: invalid ${name} ${JSON.stringify(value)}; allowed: ${allowed.join(', ')}`);
    }
}
function bool(name, value) {
    if (typeof value !== 'boolean')
        throw new Error(`nestjs-ack: invalid ${name} ${JSON.stringify(value)}; allowed: true, false`);
    return value;
}
//# sourceMappingURL=rabbit-settings.js.map