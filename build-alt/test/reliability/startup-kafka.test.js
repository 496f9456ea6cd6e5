"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const core_1 = require("@nestjs/core");
const kafka_1 = require("../../lib/kafka");
const kafka_test_app_1 = require("../support/kafka-test-app");
const names_1 = require("../support/names");
(0, node_test_1.describe)('KafkaAckServer start-up errors', { timeout: 60_000 }, () => {
    (0, node_test_1.it)('fails at construction without groupId, naming the option', () => {
        strict_1.default.throws(() => new kafka_1.KafkaAckServer({}), /groupId/);
    });
    (0, node_test_1.it)('fails at construction on a wrong option, naming it and the allowed values', () => {
        strict_1.default.throws(() => new kafka_1.KafkaAckServer({ groupId: 'g', commitEveryN: 0 }), /commitEveryN 0; allowed: an integer >= 1/);
        strict_1.default.throws(() => new kafka_1.KafkaAckServer({ groupId: 'g', createTopics: 'yes' }), /createTopics "yes"; allowed: true, false/);
    });
    (0, node_test_1.it)('refuses a handler pattern that is not a topic name', async () => {
        const server = new kafka_1.KafkaAckServer({ groupId: (0, names_1.uniqueName)('g') });
        const app = await core_1.NestFactory.createMicroservice((0, kafka_test_app_1.handlerModule)('not a topic!', () => undefined), { strategy: server, logger: false });
        await strict_1.default.rejects(app.listen(), /handler pattern .*"not a topic!".*Kafka topic name/);
        await app.close();
    });
    (0, node_test_1.it)('an unreachable broker fails listen() and leaves nothing open', async () => {
        const server = new kafka_1.KafkaAckServer({
            groupId: (0, names_1.uniqueName)('g'),
            brokers: ['127.0.0.1:1'],
            client: { connectionTimeout: 300, retry: { retries: 1, initialRetryTime: 50, maxRetryTime: 100 } },
        });
        const app = await core_1.NestFactory.createMicroservice((0, kafka_test_app_1.handlerModule)((0, names_1.uniqueName)('t'), () => undefined), { strategy: server, logger: false });
        await strict_1.default.rejects(app.listen(), (error) => /ECONNREFUSED|Connection error|connect/i.test(error.message));
        await app.close(); // the test process exits only if every connection is closed
    });
});
//# sourceMappingURL=startup-kafka.test.js.map