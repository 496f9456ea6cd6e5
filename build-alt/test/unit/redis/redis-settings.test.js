"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("../../../lib/core");
const redis_1 = require("../../../lib/redis");
const redis_settings_1 = require("../../../lib/redis/redis-settings");
const refuses = (options, option) => strict_1.default.throws(() => (0, redis_settings_1.resolveRedisSettings)(options), (error) => {
    strict_1.default.ok(error instanceof core_1.InvalidOptionError, `${error.name}: ${error.message}`);
    strict_1.default.equal(error.option, option);
    return true;
});
(0, node_test_1.describe)('Redis server options', () => {
    (0, node_test_1.it)('defaults', () => {
        const settings = (0, redis_settings_1.resolveRedisSettings)({ group: 'g' });
        strict_1.default.equal(settings.group, 'g');
        strict_1.default.match(settings.consumer, /^.+-\d+-[0-9a-f]{6}$/, 'host-pid-random');
        strict_1.default.equal(settings.blockMs, 2000);
        strict_1.default.equal(settings.minIdleMs, 30_000);
        strict_1.default.equal(settings.claimIntervalMs, 1000);
        strict_1.default.equal(settings.deadLetterSuffix, ':dlq');
        strict_1.default.equal(settings.deleteOnAck, false);
        strict_1.default.equal(settings.trimMaxLen, undefined);
        strict_1.default.equal(settings.startId, '0');
        strict_1.default.deepEqual(settings.streams, []);
    });
    (0, node_test_1.it)('two servers get two consumer names', () => {
        strict_1.default.notEqual((0, redis_settings_1.resolveRedisSettings)({ group: 'g' }).consumer, (0, redis_settings_1.resolveRedisSettings)({ group: 'g' }).consumer);
    });
    (0, node_test_1.it)('refuses bad values, naming the option', () => {
        refuses({}, 'group');
        refuses({ group: ' ' }, 'group');
        refuses({ group: 'g', consumer: '' }, 'consumer');
        refuses({ group: 'g', blockMs: 0 }, 'blockMs');
        refuses({ group: 'g', minIdleMs: 5 }, 'minIdleMs');
        refuses({ group: 'g', claimIntervalMs: 1.5 }, 'claimIntervalMs');
        refuses({ group: 'g', startId: '>' }, 'startId');
        refuses({ group: 'g', streams: [''] }, 'streams');
        refuses({ group: 'g', deadLetter: { streamSuffix: '' } }, 'deadLetter.streamSuffix');
        refuses({ group: 'g', deadLetter: true }, 'deadLetter');
        refuses({ group: 'g', trimMaxLen: 0 }, 'trimMaxLen');
        refuses({ group: 'g', deleteOnAck: 'yes' }, 'deleteOnAck');
        refuses({ group: 'g', connection: 42 }, 'connection');
    });
    (0, node_test_1.it)('dead-lettering off', () => {
        strict_1.default.equal((0, redis_settings_1.resolveRedisSettings)({ group: 'g', deadLetter: false }).deadLetterSuffix, false);
    });
    (0, node_test_1.it)('the server constructor fails on bad options, before connecting', () => {
        strict_1.default.throws(() => new redis_1.RedisAckServer({ group: 'g', minIdleMs: -1 }), core_1.InvalidOptionError);
    });
    (0, node_test_1.it)('the lease is renewed at a third of minIdleMs', () => {
        const server = new redis_1.RedisAckServer({ group: 'g', minIdleMs: 3000 });
        strict_1.default.equal(server.commands.leaseRenewalMs, 1000);
    });
});
//# sourceMappingURL=redis-settings.test.js.map