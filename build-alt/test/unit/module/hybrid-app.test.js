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
const module_1 = require("../../../lib/module");
const testing_1 = require("../../../lib/testing");
// docs/control-exceptions.md, "Hybrid applications": AckModule's APP_FILTER belongs to the application
// NestFactory.create() built, and a microservice attached to it gets it only with `inheritAppConfig: true`;
// the recording of thrown errors is per process, so dead letters keep the handler's own error either way,
// also when messages arrive before the app's init hooks ran (startAllMicroservices() without listen()).
let FailingController = class FailingController {
    created() {
        throw new TypeError('no items');
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
let HybridModule = class HybridModule {
};
HybridModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [FailingController] })
], HybridModule);
/** An HTTP adapter that serves nothing: the repository has no HTTP platform, and only the microservice matters here. */
function silentHttpAdapter() {
    const known = {
        getType: () => 'none',
        getInstance: () => ({}),
        getHttpServer: () => ({ once() { }, on() { }, removeListener() { }, address: () => null }),
    };
    return new Proxy(known, {
        get: (target, key) => (typeof key === 'string' && key in target ? target[key] : key === 'then' ? undefined : () => undefined),
    });
}
async function deadLetterOfFailure(inheritAppConfig) {
    const app = await core_1.NestFactory.create(HybridModule, silentHttpAdapter(), { logger: false });
    const broker = new testing_1.InMemoryBroker();
    const server = new testing_1.InMemoryAckServer({ broker, queue: 'orders' });
    app.connectMicroservice({ strategy: server }, { inheritAppConfig });
    const client = new testing_1.InMemoryAckClient({ broker, queue: 'orders' });
    try {
        await app.startAllMicroservices();
        const settled = new Promise((resolve) => server.on('settled', resolve));
        client.emitAndGetId('order.created', { id: 'o-1' });
        await settled;
        const { deadLetters } = broker.state('orders');
        strict_1.default.equal(deadLetters.length, 1);
        return deadLetters[0];
    }
    finally {
        client.close();
        await app.close();
    }
}
(0, node_test_1.describe)('AckModule in a hybrid application (HTTP + microservice)', () => {
    (0, node_test_1.it)('with inheritAppConfig, the dead letter keeps the handler\'s own error', async () => {
        const letter = await deadLetterOfFailure(true);
        strict_1.default.deepEqual([letter.reason, letter.errorName, letter.errorMessage], ['handler-error', 'TypeError', 'no items']);
    });
    (0, node_test_1.it)('without inheritAppConfig too: the recording of thrown errors does not depend on the app\'s config', async () => {
        const letter = await deadLetterOfFailure(false);
        strict_1.default.deepEqual([letter.reason, letter.errorName, letter.errorMessage], ['handler-error', 'TypeError', 'no items']);
    });
});
//# sourceMappingURL=hybrid-app.test.js.map