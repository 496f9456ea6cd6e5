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
Object.defineProperty(exports, "__esModule", { value: true });
// `node close-during-start-child.js <rabbitmq|in-memory> <queue> <delayMs>`: starts an app, closes it
// `delayMs` into listen(), prints `listen: started|<error name>` and `closed`, and then simply returns:
// the parent asserts that the process exits by itself (nothing of the server keeps it alive).
require("reflect-metadata");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const module_1 = require("../../lib/module");
const rabbitmq_1 = require("../../lib/rabbitmq");
const testing_1 = require("../../lib/testing");
const rabbit_broker_1 = require("./rabbit-broker");
let ChildController = class ChildController {
    handle() { }
};
__decorate([
    (0, microservices_1.EventPattern)('child.event'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], ChildController.prototype, "handle", null);
ChildController = __decorate([
    (0, common_1.Controller)()
], ChildController);
let ChildModule = class ChildModule {
};
ChildModule = __decorate([
    (0, common_1.Module)({ imports: [module_1.AckModule.forRoot()], controllers: [ChildController] })
], ChildModule);
function serverFor(transport, queue) {
    if (transport === 'rabbitmq')
        return new rabbitmq_1.RabbitAckServer({ urls: rabbit_broker_1.RABBITMQ_URL, queue });
    if (transport === 'in-memory')
        return new testing_1.InMemoryAckServer({ broker: new testing_1.InMemoryBroker(), queue });
    throw new Error(`unknown transport ${transport}`);
}
async function main() {
    const [transport, queue, delay] = process.argv.slice(2);
    const app = await core_1.NestFactory.createMicroservice(ChildModule, { strategy: serverFor(transport, queue), logger: false });
    const listening = app.listen().then(() => 'started', (error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, Number(delay)));
    await app.close();
    process.stdout.write(`listen: ${await listening}\nclosed\n`);
}
main().catch((error) => {
    process.stderr.write(`child failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
});
//# sourceMappingURL=close-during-start-child.js.map