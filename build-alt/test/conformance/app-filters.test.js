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
var OrderRefusedFilter_1;
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const core_2 = require("../../lib/core");
const module_1 = require("../../lib/module");
const testing_1 = require("../../lib/testing");
const names_1 = require("../support/names");
const wait_for_1 = require("../support/wait-for");
/**
 * `AckModule` keeps a failed handler's own error for logs and dead letters
 * without standing in the way of the application's exception filters: the
 * application's global filters still answer their exception types, on RPC
 * handlers and on the HTTP routes of a hybrid application, wherever they are
 * registered (an `APP_FILTER` of the application module is registered before
 * `AckModule`'s filters, so Nest consults it after them).
 */
class OrderRefused extends Error {
    name = 'OrderRefused';
}
/** An application's own global filter for its own exception type, on RPC handlers and HTTP routes. */
let OrderRefusedFilter = class OrderRefusedFilter {
    static { OrderRefusedFilter_1 = this; }
    static calls = 0;
    catch(exception, host) {
        OrderRefusedFilter_1.calls++;
        if (host.getType() === 'http') {
            host.switchToHttp().getResponse().status(409).json({ refused: exception.message });
            return;
        }
        return (0, rxjs_1.throwError)(() => ({ status: 'error', message: `app filter: ${exception.message}` }));
    }
};
OrderRefusedFilter = OrderRefusedFilter_1 = __decorate([
    (0, common_1.Catch)(OrderRefused)
], OrderRefusedFilter);
/** An application's own catch-all filter, given with `useGlobalFilters()`. */
let AnswerEverythingFilter = class AnswerEverythingFilter {
    catch(exception) {
        return (0, rxjs_1.throwError)(() => ({ status: 'error', message: `catch-all: ${exception.message}` }));
    }
};
AnswerEverythingFilter = __decorate([
    (0, common_1.Catch)()
], AnswerEverythingFilter);
function patterns() {
    return { refuse: (0, names_1.uniqueName)('refuse'), fail: (0, names_1.uniqueName)('fail'), event: (0, names_1.uniqueName)('event') };
}
function orderController(names) {
    let OrderController = class OrderController {
        refuse() {
            throw new OrderRefused('order 7 refused');
        }
        fail() {
            throw new Error('plain failure on purpose');
        }
        event() {
            throw new OrderRefused('event order 8 refused');
        }
        refuseHttp() {
            throw new OrderRefused('http order 9 refused');
        }
        boomHttp() {
            throw new Error('http failure on purpose');
        }
        teapotHttp() {
            throw new common_1.HttpException('short and stout', 418);
        }
    };
    __decorate([
        (0, microservices_1.MessagePattern)(names.refuse),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", []),
        __metadata("design:returntype", void 0)
    ], OrderController.prototype, "refuse", null);
    __decorate([
        (0, microservices_1.MessagePattern)(names.fail),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", []),
        __metadata("design:returntype", void 0)
    ], OrderController.prototype, "fail", null);
    __decorate([
        (0, microservices_1.EventPattern)(names.event),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", []),
        __metadata("design:returntype", void 0)
    ], OrderController.prototype, "event", null);
    __decorate([
        (0, common_1.Get)('/refuse'),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", []),
        __metadata("design:returntype", void 0)
    ], OrderController.prototype, "refuseHttp", null);
    __decorate([
        (0, common_1.Get)('/boom'),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", []),
        __metadata("design:returntype", void 0)
    ], OrderController.prototype, "boomHttp", null);
    __decorate([
        (0, common_1.Get)('/teapot'),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", []),
        __metadata("design:returntype", void 0)
    ], OrderController.prototype, "teapotHttp", null);
    OrderController = __decorate([
        (0, common_1.Controller)(),
        (0, core_2.AckPolicy)(core_2.AckPolicy.REJECT_ON_ERROR)
    ], OrderController);
    return OrderController;
}
/** The application module: its own `APP_FILTER` (registered before `AckModule`'s), then `AckModule`. */
function appModule(names, withAppFilter = true) {
    let AppModule = class AppModule {
    };
    AppModule = __decorate([
        (0, common_1.Module)({
            imports: [module_1.AckModule.forRoot()],
            controllers: [orderController(names)],
            providers: withAppFilter ? [{ provide: core_1.APP_FILTER, useClass: OrderRefusedFilter }] : [],
        })
    ], AppModule);
    return AppModule;
}
function transport() {
    const broker = new testing_1.InMemoryBroker();
    const queue = (0, names_1.uniqueName)('queue');
    return { broker, queue, server: new testing_1.InMemoryAckServer({ broker, queue }) };
}
async function microservice(module, globalFilters = []) {
    const { broker, queue, server } = transport();
    const app = await core_1.NestFactory.createMicroservice(module, { strategy: server, logger: false });
    if (globalFilters.length > 0)
        app.useGlobalFilters(...globalFilters);
    await app.listen();
    const client = new testing_1.InMemoryAckClient({ broker, queue });
    return { broker, queue, client, close: async () => (client.close(), await app.close()) };
}
async function replyError(target, pattern) {
    try {
        await (0, rxjs_1.lastValueFrom)(target.client.send(pattern, { id: 1 }));
    }
    catch (error) {
        return error;
    }
    strict_1.default.fail(`"${pattern}" answered with a value`);
}
async function deadLetterOf(target, count) {
    await (0, wait_for_1.waitFor)(() => target.broker.state(target.queue).deadLetters.length >= count, { message: `${count} dead letter(s)` });
    return target.broker.state(target.queue).deadLetters;
}
(0, node_test_1.describe)('AckModule and the application\'s own exception filters', () => {
    (0, node_test_1.it)('an APP_FILTER of the application module answers its exception type; the dead letter keeps the error as thrown', async () => {
        const names = patterns();
        const target = await microservice(appModule(names));
        try {
            const before = OrderRefusedFilter.calls;
            strict_1.default.deepEqual(await replyError(target, names.refuse), { status: 'error', message: 'app filter: order 7 refused' });
            strict_1.default.equal(OrderRefusedFilter.calls, before + 1, 'the application filter ran once');
            const [record] = await deadLetterOf(target, 1);
            strict_1.default.equal(record.reason, 'handler-error');
            strict_1.default.equal(record.errorName, 'OrderRefused');
            strict_1.default.match(record.errorMessage ?? '', /order 7 refused/);
            // Another error type gets Nest's default answer, and its own message in the dead letter.
            strict_1.default.deepEqual(await replyError(target, names.fail), { status: 'error', message: 'Internal server error' });
            const records = await deadLetterOf(target, 2);
            strict_1.default.match(records[1].errorMessage ?? '', /plain failure on purpose/);
            strict_1.default.equal(target.broker.state(target.queue).ready + target.broker.state(target.queue).unacked, 0);
        }
        finally {
            await target.close();
        }
    });
    (0, node_test_1.it)('a catch-all filter given with useGlobalFilters() answers every plain error', async () => {
        const names = patterns();
        const target = await microservice(appModule(names, false), [new AnswerEverythingFilter()]);
        try {
            strict_1.default.deepEqual(await replyError(target, names.fail), { status: 'error', message: 'catch-all: plain failure on purpose' });
            const [record] = await deadLetterOf(target, 1);
            strict_1.default.match(record.errorMessage ?? '', /plain failure on purpose/);
        }
        finally {
            await target.close();
        }
    });
    for (const inheritAppConfig of [true, false]) {
        (0, node_test_1.it)(`a hybrid HTTP application (inheritAppConfig: ${inheritAppConfig}): HTTP errors get the application's and Nest's answers, RPC errors are recorded`, async () => {
            const names = patterns();
            const { broker, queue, server } = transport();
            const app = await core_1.NestFactory.create(appModule(names), { logger: false });
            app.connectMicroservice({ strategy: server }, { inheritAppConfig });
            await app.startAllMicroservices();
            await app.listen(0, '127.0.0.1');
            const client = new testing_1.InMemoryAckClient({ broker, queue });
            try {
                const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
                const refused = await fetch(`${base}/refuse`);
                strict_1.default.equal(refused.status, 409);
                strict_1.default.deepEqual(await refused.json(), { refused: 'http order 9 refused' });
                const boom = await fetch(`${base}/boom`);
                strict_1.default.equal(boom.status, 500);
                strict_1.default.deepEqual(await boom.json(), { statusCode: 500, message: 'Internal server error' });
                const teapot = await fetch(`${base}/teapot`);
                strict_1.default.equal(teapot.status, 418);
                strict_1.default.deepEqual(await teapot.json(), { statusCode: 418, message: 'short and stout' });
                await (0, rxjs_1.lastValueFrom)(client.emit(names.event, { id: 2 }), { defaultValue: undefined });
                await (0, wait_for_1.waitFor)(() => broker.state(queue).deadLetters.length >= 1, { message: 'the event dead-lettered' });
                const [record] = broker.state(queue).deadLetters;
                strict_1.default.equal(record.errorName, 'OrderRefused');
                strict_1.default.match(record.errorMessage ?? '', /event order 8 refused/);
            }
            finally {
                client.close();
                await app.close();
            }
        });
    }
});
//# sourceMappingURL=app-filters.test.js.map