"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const rabbitmq_1 = require("../../../lib/rabbitmq");
const rabbit_headers_1 = require("../../../lib/rabbitmq/rabbit-headers");
(0, node_test_1.describe)('RabbitMQ delivery count', () => {
    (0, node_test_1.it)('quorum queues: x-delivery-count (earlier deliveries, absent at first) plus one', () => {
        strict_1.default.equal((0, rabbitmq_1.deliveryCountOf)({}, false), 1);
        strict_1.default.equal((0, rabbitmq_1.deliveryCountOf)(undefined, false), 1);
        strict_1.default.equal((0, rabbitmq_1.deliveryCountOf)({ 'x-delivery-count': 1 }, true), 2);
        strict_1.default.equal((0, rabbitmq_1.deliveryCountOf)({ 'x-delivery-count': 3 }, true), 4);
    });
    (0, node_test_1.it)('newer brokers: the larger of x-delivery-count and x-acquired-count', () => {
        strict_1.default.equal((0, rabbitmq_1.deliveryCountOf)({ 'x-delivery-count': 0, 'x-acquired-count': 2 }, true), 3);
    });
    (0, node_test_1.it)('classic queues: our header of earlier deliveries, plus one more when the copy itself came back', () => {
        strict_1.default.equal((0, rabbitmq_1.deliveryCountOf)({ [rabbitmq_1.PRIOR_DELIVERIES_HEADER]: 2 }, false), 3);
        strict_1.default.equal((0, rabbitmq_1.deliveryCountOf)({ [rabbitmq_1.PRIOR_DELIVERIES_HEADER]: 2 }, true), 4);
    });
    (0, node_test_1.it)('without any count: the redelivered flag gives 1 or 2', () => {
        strict_1.default.equal((0, rabbitmq_1.deliveryCountOf)({}, true), 2);
    });
    (0, node_test_1.it)('ignores values that are not counts', () => {
        strict_1.default.equal((0, rabbitmq_1.deliveryCountOf)({ 'x-delivery-count': 'many', [rabbitmq_1.PRIOR_DELIVERIES_HEADER]: -4 }, false), 1);
    });
});
(0, node_test_1.describe)('RabbitMQ headers', () => {
    (0, node_test_1.it)('are strings for the handler, without the count headers', () => {
        strict_1.default.deepEqual((0, rabbit_headers_1.toStringHeaders)({ a: 'x', b: Buffer.from('bytes'), n: 5, t: true, list: [1, 'two'], 'x-delivery-count': 3, [rabbitmq_1.PRIOR_DELIVERIES_HEADER]: 1, none: null }), { a: 'x', b: 'bytes', n: '5', t: 'true', list: '[1,"two"]' });
    });
    (0, node_test_1.it)('message key: the message id, else a hash that survives redelivery', () => {
        strict_1.default.equal((0, rabbit_headers_1.messageKey)('m-1', Buffer.from('x'), {}), 'id:m-1');
        const a = (0, rabbit_headers_1.messageKey)(undefined, Buffer.from('x'), { h: '1', g: '2' });
        strict_1.default.equal(a, (0, rabbit_headers_1.messageKey)(undefined, Buffer.from('x'), { g: '2', h: '1' }));
        strict_1.default.notEqual(a, (0, rabbit_headers_1.messageKey)(undefined, Buffer.from('y'), { h: '1', g: '2' }));
    });
});
//# sourceMappingURL=rabbit-delivery-count.test.js.map