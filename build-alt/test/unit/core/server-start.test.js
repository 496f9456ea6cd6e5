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
/** A transport that declares no reply channel, like a table queue. */
class NoReplyServer extends testing_1.InMemoryAckServer {
    replies = undefined;
}
let RequestController = class RequestController {
    get() {
        return 'ok';
    }
};
__decorate([
    (0, microservices_1.MessagePattern)('orders.get'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", String)
], RequestController.prototype, "get", null);
RequestController = __decorate([
    (0, common_1.Controller)()
], RequestController);
let EventController = class EventController {
    created() { }
};
__decorate([
    (0, microservices_1.EventPattern)('orders.created'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], EventController.prototype, "created", null);
EventController = __decorate([
    (0, common_1.Controller)()
], EventController);
function capturingLogger() {
    const warnings = [];
    return { warnings, log: () => undefined, error: () => undefined, warn: (message) => void warnings.push(String(message)), debug: () => undefined, verbose: () => undefined };
}
(0, node_test_1.describe)('server start checks', () => {
    (0, node_test_1.it)('refuses a @MessagePattern handler on a transport without replies, naming the pattern and what to do', async () => {
        let AppModule = class AppModule {
        };
        AppModule = __decorate([
            (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [RequestController] })
        ], AppModule);
        const app = await core_1.NestFactory.createMicroservice(AppModule, { strategy: new NoReplyServer({ broker: new testing_1.InMemoryBroker() }), logger: false });
        await strict_1.default.rejects(app.listen(), (error) => {
            strict_1.default.equal(error.name, 'RepliesNotSupportedError');
            strict_1.default.match(error.message, /NoReplyServer has no reply channel, so it cannot serve @MessagePattern handlers \("orders\.get"\); use @EventPattern/);
            return true;
        });
        await app.close();
    });
    (0, node_test_1.it)('starts event handlers on a transport without replies', async () => {
        let AppModule = class AppModule {
        };
        AppModule = __decorate([
            (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [EventController] })
        ], AppModule);
        const app = await core_1.NestFactory.createMicroservice(AppModule, { strategy: new NoReplyServer({ broker: new testing_1.InMemoryBroker() }), logger: false });
        await app.listen();
        await app.close();
    });
    (0, node_test_1.it)('warns once at start when AckModule is not imported, and not when it is', async () => {
        let WithoutModule = class WithoutModule {
        };
        WithoutModule = __decorate([
            (0, common_1.Module)({ controllers: [EventController] })
        ], WithoutModule);
        const without = capturingLogger();
        const bare = await core_1.NestFactory.createMicroservice(WithoutModule, { strategy: new testing_1.InMemoryAckServer({ broker: new testing_1.InMemoryBroker() }), logger: without });
        await bare.listen();
        await bare.close();
        strict_1.default.equal(without.warnings.filter((w) => w.includes('AckModule is not imported')).length, 1);
        let WithModule = class WithModule {
        };
        WithModule = __decorate([
            (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [EventController] })
        ], WithModule);
        const withModule = capturingLogger();
        const app = await core_1.NestFactory.createMicroservice(WithModule, { strategy: new testing_1.InMemoryAckServer({ broker: new testing_1.InMemoryBroker() }), logger: withModule });
        await app.listen();
        await app.close();
        strict_1.default.deepEqual(withModule.warnings.filter((w) => w.includes('AckModule')), []);
    });
});
//# sourceMappingURL=server-start.test.js.map