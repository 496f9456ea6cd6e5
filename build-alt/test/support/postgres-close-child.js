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
// `node postgres-close-child.js <table> <delayMs>`: starts a PostgresAckServer app (creating its table),
// closes it `delayMs` into listen(), prints `listen: started|<error name>` and `closed`, then returns:
// the parent asserts the process exits by itself (no pool, LISTEN connection or timer keeps it alive).
require("reflect-metadata");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const module_1 = require("../../lib/module");
const postgres_1 = require("../../lib/postgres");
const postgres_broker_1 = require("./postgres-broker");
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
async function main() {
    const [table, delay] = process.argv.slice(2);
    const server = new postgres_1.PostgresAckServer({ connection: postgres_broker_1.POSTGRES_URL, table, createSchema: true, pollIntervalMs: 50 });
    const app = await core_1.NestFactory.createMicroservice(ChildModule, { strategy: server, logger: false });
    const listening = app.listen().then(() => 'started', (error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, Number(delay)));
    await app.close();
    process.stdout.write(`listen: ${await listening}\nclosed\n`);
}
main().catch((error) => {
    process.stderr.write(`child failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
});
//# sourceMappingURL=postgres-close-child.js.map