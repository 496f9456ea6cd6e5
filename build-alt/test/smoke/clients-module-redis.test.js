"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const microservices_1 = require("@nestjs/microservices");
const redis_1 = require("../../lib/redis");
const clients_module_1 = require("../support/clients-module");
const broker_urls_1 = require("../support/broker-urls");
const names_1 = require("../support/names");
const redis_broker_1 = require("../support/redis-broker");
function newStream() {
    const stream = (0, names_1.uniqueName)('clients-module');
    streams.push(stream);
    return stream;
}
async function assertOnBroker(stream, data) {
    const entries = await (0, redis_broker_1.redisAdmin)().xrange(stream, '-', '+');
    strict_1.default.equal(entries.length, 1, 'one entry on the stream');
    const fields = new Map();
    for (let i = 0; i + 1 < entries[0][1].length; i += 2)
        fields.set(entries[0][1][i], entries[0][1][i + 1]);
    strict_1.default.deepEqual(JSON.parse(fields.get(redis_1.RedisFields.BODY) ?? ''), { pattern: stream, data });
}
const streams = [];
(0, node_test_1.describe)('RedisAckClient through ClientsModule', () => {
    (0, node_test_1.after)(async () => {
        await (0, redis_broker_1.deleteKeys)(streams);
        await (0, redis_broker_1.closeRedisAdmin)();
    });
    (0, node_test_1.it)('register([{ name, customClass: RedisAckClient, options }]): an injected ClientProxy adds to the stream', async () => {
        const stream = newStream();
        const options = { connection: broker_urls_1.brokerUrls.redis };
        await (0, clients_module_1.emitThroughClientsModule)(microservices_1.ClientsModule.register([{ name: clients_module_1.ORDERS, customClass: redis_1.RedisAckClient, options }]), redis_1.RedisAckClient, stream, { id: 'o-1' });
        await assertOnBroker(stream, { id: 'o-1' });
    });
    (0, node_test_1.it)('registerAsync([{ name, useFactory, inject }]): the options come from a provider', async () => {
        const stream = newStream();
        const clients = microservices_1.ClientsModule.registerAsync([
            {
                name: clients_module_1.ORDERS,
                imports: [(0, clients_module_1.ordersConfig)({ url: broker_urls_1.brokerUrls.redis })],
                inject: ['ORDERS_CONFIG'],
                useFactory: ({ url }) => ({ customClass: redis_1.RedisAckClient, options: { connection: url, maxLen: 1000 } }),
            },
        ]);
        await (0, clients_module_1.emitThroughClientsModule)(clients, redis_1.RedisAckClient, stream, { id: 'o-2' });
        await assertOnBroker(stream, { id: 'o-2' });
    });
});
//# sourceMappingURL=clients-module-redis.test.js.map