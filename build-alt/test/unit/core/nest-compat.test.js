"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const nest_compat_1 = require("../../../lib/core/nest-compat");
const testing_1 = require("../../../lib/testing");
const nest_version_1 = require("../../support/nest-version");
const nest = (0, nest_version_1.loadedNest)();
// scripts/nest-majors.sh runs this file against every supported major; the first test names the one loaded.
(0, node_test_1.describe)(`nest-compat on @nestjs/microservices ${nest.version}`, () => {
    (0, node_test_1.it)(`loads @nestjs/microservices ${nest.version} from ${nest.path}`, () => {
        strict_1.default.ok([10, 11, 12].includes(nest.major), `unsupported major ${nest.major}`);
        if (process.env.NEST_MAJOR)
            strict_1.default.equal(nest.major, Number(process.env.NEST_MAJOR), 'the major this run was meant to test');
    });
    (0, node_test_1.it)('turns any pattern into its lookup key, never throwing', () => {
        strict_1.default.equal((0, nest_compat_1.patternAsString)('orders.created'), 'orders.created');
        strict_1.default.equal((0, nest_compat_1.patternAsString)({ cmd: 'sum' }), '{"cmd":"sum"}');
        strict_1.default.equal((0, nest_compat_1.patternAsString)(7), '7');
        const cyclic = {};
        cyclic.self = cyclic;
        strict_1.default.equal((0, nest_compat_1.patternAsString)(cyclic), nest_compat_1.UNSERIALIZABLE_PATTERN);
        strict_1.default.equal((0, nest_compat_1.patternAsString)(10n), nest_compat_1.UNSERIALIZABLE_PATTERN);
    });
    (0, node_test_1.it)(nest.major >= 11 ? 'pushes the status to server.status (Nest >= 11)' : 'skips the status Nest 10 does not have', () => {
        const server = new testing_1.InMemoryAckServer({ broker: new testing_1.InMemoryBroker() });
        const status = server.status;
        strict_1.default.equal(status !== undefined, nest.major >= 11, 'Nest >= 11 has a status stream');
        const seen = [];
        const subscription = status?.subscribe((s) => seen.push(s));
        (0, nest_compat_1.emitStatus)(server, 'connected');
        subscription?.unsubscribe();
        strict_1.default.deepEqual(seen, nest.major >= 11 ? ['connected'] : []);
        (0, nest_compat_1.emitStatus)(new testing_1.InMemoryAckClient({ broker: new testing_1.InMemoryBroker() }), 'connected'); // a client too, on any major
    });
    (0, node_test_1.it)(nest.major >= 11 ? 'finds the processing hooks and the transport id (Nest >= 11)' : 'finds no processing hooks on Nest 10', async () => {
        const server = new testing_1.InMemoryAckServer({ broker: new testing_1.InMemoryBroker() });
        strict_1.default.equal(typeof server.transportId, 'symbol');
        const hooks = (0, nest_compat_1.processingHooks)(server);
        strict_1.default.equal(hooks !== undefined, nest.major >= 11);
        if (!hooks)
            return;
        strict_1.default.equal(Symbol.keyFor(hooks.transportId), 'nestjs-ack.in-memory');
        let ran = false;
        await hooks.start({}, async () => (ran = true)); // Nest's default start hook just runs the work
        strict_1.default.ok(ran);
    });
    (0, node_test_1.it)('skips the processing hooks while only Nest\'s default start hook is set (it would only run the work)', () => {
        const server = new testing_1.InMemoryAckServer({ broker: new testing_1.InMemoryBroker() });
        const nestDefault = (0, nest_compat_1.defaultStartHook)(server);
        strict_1.default.equal((0, nest_compat_1.processingHooks)(server, nestDefault), undefined);
        if (nest.major < 11)
            return; // no hooks at all
        server.setOnProcessingEndHook(() => undefined);
        strict_1.default.notEqual((0, nest_compat_1.processingHooks)(server, nestDefault), undefined, 'an end hook alone needs the wrapping');
        const other = new testing_1.InMemoryAckServer({ broker: new testing_1.InMemoryBroker() });
        other.setOnProcessingStartHook((_id, _context, done) => done());
        strict_1.default.notEqual((0, nest_compat_1.processingHooks)(other, nestDefault), undefined, 'a start hook of the application');
    });
});
//# sourceMappingURL=nest-compat.test.js.map