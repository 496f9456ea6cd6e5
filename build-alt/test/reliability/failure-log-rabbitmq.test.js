"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const lib_1 = require("../../lib");
const rabbitmq_1 = require("../../lib/rabbitmq");
const capture_logger_1 = require("../support/capture-logger");
const names_1 = require("../support/names");
const rabbit_broker_1 = require("../support/rabbit-broker");
const queues = [];
/** Fails one message on a real RabbitMQ queue and returns what the app's logger received. */
async function failOnce(ackModule) {
    const marker = (0, names_1.uniqueName)('failure');
    let FailingController = class FailingController {
        created() {
            throw new TypeError(marker);
        }
    };
    __decorate([
        (0, microservices_1.EventPattern)('order.created'),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", []),
        __metadata("design:returntype", void 0)
    ], FailingController.prototype, "created", null);
    FailingController = __decorate([
        (0, common_1.Controller)()
    ], FailingController);
    let AppModule = class AppModule {
    };
    AppModule = __decorate([
        (0, common_1.Module)({ imports: ackModule ? [lib_1.AckModule.forRoot()] : [], controllers: [FailingController] })
    ], AppModule);
    const queue = (0, names_1.uniqueName)('failure-log');
    queues.push(queue);
    const server = new rabbitmq_1.RabbitAckServer({ urls: rabbit_broker_1.RABBITMQ_URL, queue });
    const logger = new capture_logger_1.CaptureLogger();
    const app = await core_1.NestFactory.createMicroservice(AppModule, { strategy: server, logger });
    const client = new rabbitmq_1.RabbitAckClient({ urls: rabbit_broker_1.RABBITMQ_URL, queue });
    try {
        await app.listen();
        const settled = new Promise((resolve) => server.on('settled', resolve));
        await (0, rxjs_1.lastValueFrom)(client.emit('order.created', { id: 'o-1' }));
        strict_1.default.equal((await settled).settlement.kind, 'reject');
    }
    finally {
        await client.close();
        await app.close();
    }
    return { marker, logger, queue };
}
(0, node_test_1.describe)('one log line per failed handler (RabbitMQ)', () => {
    (0, node_test_1.after)(async () => {
        for (const queue of queues)
            await (0, rabbit_broker_1.deleteRabbitTopology)(queue);
    });
    for (const ackModule of [true, false]) {
        (0, node_test_1.it)(`${ackModule ? 'with' : 'without'} AckModule: one error line with the original name, message and stack; the message is dead-lettered`, { timeout: 60_000 }, async () => {
            const { marker, logger, queue } = await failOnce(ackModule);
            const lines = logger.mentioning(marker);
            strict_1.default.equal(lines.length, 1, lines.map((l) => l.text).join('\n---\n'));
            strict_1.default.equal(lines[0].level, 'error');
            strict_1.default.match(lines[0].text, new RegExp(`TypeError: ${marker}`));
            strict_1.default.match(lines[0].text, /\n\s+at .*failure-log-rabbitmq\.test\.js/, 'the original stack');
            strict_1.default.equal(logger.lines.filter((l) => l.level === 'error' || l.level === 'fatal').length, 1, 'no other error line');
            // The broker: nothing left on the queue, the one message in its dead-letter queue.
            strict_1.default.deepEqual(await (0, rabbit_broker_1.queueDepth)(queue), { ready: 0, unacked: 0 });
            const deadLetters = await (0, rabbit_broker_1.peekQueue)(`${queue}.dlq`);
            strict_1.default.equal(deadLetters.length, 1);
            strict_1.default.equal(String(deadLetters[0].properties.headers?.[lib_1.DeadLetterHeaders.REASON]), 'handler-error');
            // With AckModule the dead letter keeps the original error; without, Nest's replacement (the start-up warning says so).
            strict_1.default.equal(String(deadLetters[0].properties.headers?.[lib_1.DeadLetterHeaders.ERROR_NAME]), ackModule ? 'TypeError' : 'Error');
        });
    }
});
//# sourceMappingURL=failure-log-rabbitmq.test.js.map