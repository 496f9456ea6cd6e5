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
const node_crypto_1 = require("node:crypto");
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const lib_1 = require("../../../lib");
const testing_1 = require("../../../lib/testing");
const capture_logger_1 = require("../../support/capture-logger");
/** A filter of the user's that turns errors into a plain answer without logging them. */
let QuietFilter = class QuietFilter {
    catch(_exception, _host) {
        return (0, rxjs_1.throwError)(() => ({ status: 'error', message: 'handled by QuietFilter' }));
    }
};
QuietFilter = __decorate([
    (0, common_1.Catch)()
], QuietFilter);
/** Runs one failing handler on the in-memory transport; returns the captured log and the settlement. */
async function failOnce(options) {
    const marker = `failure-${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
    let FailingController = class FailingController {
        created() {
            throw options.throws(marker);
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
    if (options.quietFilter)
        (0, common_1.UseFilters)(QuietFilter)(FailingController);
    const imports = options.ackModule ? [lib_1.AckModule.forRoot()] : [];
    let AppModule = class AppModule {
    };
    AppModule = __decorate([
        (0, common_1.Module)({ imports, controllers: [FailingController] })
    ], AppModule);
    const broker = new testing_1.InMemoryBroker();
    const server = new testing_1.InMemoryAckServer({ broker, queue: 'orders' });
    const logger = new capture_logger_1.CaptureLogger();
    const app = await core_1.NestFactory.createMicroservice(AppModule, { strategy: server, logger });
    try {
        await app.listen();
        const settled = new Promise((resolve) => server.on('settled', resolve));
        new testing_1.InMemoryAckClient({ broker, queue: 'orders' }).emit('order.created', { id: 'o-1' }).subscribe();
        return { marker, logger, event: await settled, deadLetters: broker.state('orders').deadLetters };
    }
    finally {
        await app.close();
    }
}
/** The one line about the failure: it names the error, says its message and carries its stack. */
function assertOneLine(logger, marker, errorName) {
    const lines = logger.mentioning(marker);
    strict_1.default.equal(lines.length, 1, `one line about the failure, got ${lines.length}:\n${lines.map((l) => `[${l.level}] ${l.text}`).join('\n---\n')}`);
    strict_1.default.equal(lines[0].level, 'error');
    strict_1.default.match(lines[0].text, new RegExp(`${errorName}: ${marker}`), 'the original name and message');
    strict_1.default.match(lines[0].text, /\n\s+at .*failure-log\.test\.js/, 'the original stack');
    strict_1.default.equal(logger.lines.filter((l) => l.level === 'error' || l.level === 'fatal').length, 1, 'no other error line');
    strict_1.default.equal(logger.mentioning('Internal server error').filter((l) => l.level === 'error').length, 0, "never Nest's replacement answer");
    return lines[0].text;
}
(0, node_test_1.describe)('one log line per failed handler (in-memory transport)', () => {
    (0, node_test_1.it)('with AckModule: one line, Nest\'s RpcExceptionsHandler with the original error; the dead letter keeps it too', async () => {
        const { marker, logger, event, deadLetters } = await failOnce({ ackModule: true, throws: (m) => new TypeError(m) });
        strict_1.default.match(assertOneLine(logger, marker, 'TypeError'), /RpcExceptionsHandler/);
        strict_1.default.equal(event.settlement.kind, 'reject');
        strict_1.default.equal(deadLetters[0].errorName, 'TypeError');
        strict_1.default.equal(deadLetters[0].errorMessage, marker);
    });
    (0, node_test_1.it)('without AckModule: the same one line (Nest logs the error before it answers "Internal server error")', async () => {
        const { marker, logger, event } = await failOnce({ ackModule: false, throws: (m) => new TypeError(m) });
        strict_1.default.match(assertOneLine(logger, marker, 'TypeError'), /RpcExceptionsHandler/);
        strict_1.default.equal(event.settlement.kind, 'reject');
        strict_1.default.equal(logger.mentioning('AckModule is not imported').length, 1, 'the start-up warning says what is missing');
    });
    (0, node_test_1.it)('an RpcException (which Nest answers without logging): one line, the server\'s, with the policy, pattern and stack', async () => {
        const { marker, logger } = await failOnce({ ackModule: true, throws: (m) => new microservices_1.RpcException(m) });
        const line = assertOneLine(logger, marker, 'Error');
        strict_1.default.match(line, /REJECT_ON_ERROR handler for "order\.created" at .* failed: Error: /);
    });
    (0, node_test_1.it)("a user's filter that answers without logging: one line, the server's, with the error as thrown (AckModule)", async () => {
        const { marker, logger, deadLetters } = await failOnce({ ackModule: true, throws: (m) => new RangeError(m), quietFilter: true });
        const line = assertOneLine(logger, marker, 'RangeError');
        strict_1.default.match(line, /handler for "order\.created" at .* failed: RangeError: /);
        strict_1.default.equal(deadLetters[0].errorName, 'RangeError');
    });
    (0, node_test_1.it)('a control exception is a decision, not a failure: no error line', async () => {
        const { marker, logger, event } = await failOnce({ ackModule: true, throws: (m) => new lib_1.RejectMessage({ reason: m }) });
        strict_1.default.equal(event.settlement.kind, 'reject');
        strict_1.default.equal(logger.mentioning(marker).filter((l) => l.level === 'error').length, 0);
        strict_1.default.equal(logger.lines.filter((l) => l.level === 'error').length, 0);
    });
});
//# sourceMappingURL=failure-log.test.js.map