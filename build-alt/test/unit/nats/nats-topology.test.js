"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const nats_topology_1 = require("../../../lib/nats/nats-topology");
const nats_settings_1 = require("../../../lib/nats/nats-settings");
const nats_version_1 = require("../../../lib/nats/nats-version");
(0, node_test_1.describe)('NATS server versions', () => {
    (0, node_test_1.it)('parses versions, including pre-releases', () => {
        strict_1.default.deepEqual((0, nats_version_1.parseServerVersion)('2.9.10'), [2, 9, 10]);
        strict_1.default.deepEqual((0, nats_version_1.parseServerVersion)('2.11.0-RC.1'), [2, 11, 0]);
        strict_1.default.deepEqual((0, nats_version_1.parseServerVersion)(undefined), [0, 0, 0]);
    });
    (0, node_test_1.it)('2.9 has neither several filter subjects nor a term reason; 2.10 has the first; 2.11 both', () => {
        strict_1.default.deepEqual((0, nats_version_1.featuresOf)('2.9.10'), { multipleFilterSubjects: false, termReason: false });
        strict_1.default.deepEqual((0, nats_version_1.featuresOf)('2.10.4'), { multipleFilterSubjects: true, termReason: false });
        strict_1.default.deepEqual((0, nats_version_1.featuresOf)('2.11.0'), { multipleFilterSubjects: true, termReason: true });
        strict_1.default.deepEqual((0, nats_version_1.featuresOf)('3.0.0'), { multipleFilterSubjects: true, termReason: true });
    });
});
(0, node_test_1.describe)('consumer plans', () => {
    const v29 = (0, nats_version_1.featuresOf)('2.9.10');
    const v210 = (0, nats_version_1.featuresOf)('2.10.0');
    (0, node_test_1.it)('one subject: one consumer with the durable name as given', () => {
        strict_1.default.deepEqual((0, nats_topology_1.planConsumers)('svc', ['orders.created'], v29), [{ name: 'svc', subjects: ['orders.created'] }]);
    });
    (0, node_test_1.it)('several subjects on 2.9: one consumer per subject, names stable and distinct', () => {
        const plans = (0, nats_topology_1.planConsumers)('svc', ['orders.created', 'orders_created', 'orders.*', 'audit.>'], v29);
        strict_1.default.equal(plans.length, 4);
        strict_1.default.equal(new Set(plans.map((p) => p.name)).size, 4, 'distinct even when the readable parts collide');
        strict_1.default.deepEqual(plans.map((p) => p.subjects), [['orders.created'], ['orders_created'], ['orders.*'], ['audit.>']]);
        strict_1.default.equal(plans[0].name, (0, nats_topology_1.perSubjectName)('svc', 'orders.created'));
        for (const plan of plans)
            strict_1.default.match(plan.name, /^svc-[A-Za-z0-9_-]+-[0-9a-f]{8}$/);
    });
    (0, node_test_1.it)('several subjects on 2.10+: one consumer with filter_subjects', () => {
        const [plan, ...rest] = (0, nats_topology_1.planConsumers)('svc', ['a', 'b'], v210);
        strict_1.default.deepEqual(rest, []);
        const config = (0, nats_topology_1.consumerConfig)((0, nats_settings_1.resolveNatsSettings)({ stream: 'S' }, 1), plan);
        strict_1.default.deepEqual(config.filter_subjects, ['a', 'b']);
        strict_1.default.equal(config.filter_subject, undefined);
    });
    (0, node_test_1.it)('consumer configuration: explicit acks, unlimited max_deliver, ack_wait in nanoseconds; user extras cannot override them', () => {
        const settings = (0, nats_settings_1.resolveNatsSettings)({ stream: 'S', ackWaitMs: 2000, maxAckPending: 50, consumerConfig: { description: 'x', ack_wait: 1 } }, 1);
        const config = (0, nats_topology_1.consumerConfig)(settings, { name: 'c', subjects: ['a.b'] });
        strict_1.default.equal(config.ack_policy, 'explicit');
        strict_1.default.equal(config.max_deliver, -1);
        strict_1.default.equal(config.ack_wait, 2_000_000_000);
        strict_1.default.equal(config.max_ack_pending, 50);
        strict_1.default.equal(config.filter_subject, 'a.b');
        strict_1.default.equal(config.durable_name, 'c');
        strict_1.default.equal(config.description, 'x');
    });
});
(0, node_test_1.describe)('stream subjects covering a consumed subject', () => {
    (0, node_test_1.it)('matches literals and wildcards token by token', () => {
        strict_1.default.ok((0, nats_topology_1.subjectCovers)('orders.created', 'orders.created'));
        strict_1.default.ok((0, nats_topology_1.subjectCovers)('orders.*', 'orders.created'));
        strict_1.default.ok((0, nats_topology_1.subjectCovers)('orders.>', 'orders.created.eu'));
        strict_1.default.ok((0, nats_topology_1.subjectCovers)('>', 'a'));
        strict_1.default.ok((0, nats_topology_1.subjectCovers)('orders.>', 'orders.*'));
        strict_1.default.ok(!(0, nats_topology_1.subjectCovers)('orders.*', 'orders.created.eu'));
        strict_1.default.ok(!(0, nats_topology_1.subjectCovers)('orders.>', 'orders'));
        strict_1.default.ok(!(0, nats_topology_1.subjectCovers)('orders.created', 'orders.*'));
        strict_1.default.ok(!(0, nats_topology_1.subjectCovers)('orders.*', 'orders.>'));
        strict_1.default.ok(!(0, nats_topology_1.subjectCovers)('a.b', 'a'));
    });
});
//# sourceMappingURL=nats-topology.test.js.map