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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeepService = exports.EXTRA_BEHAVIORS = exports.BEHAVIORS = void 0;
exports.buildModule = buildModule;
const common_1 = require("@nestjs/common");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const core_1 = require("../../lib/core");
const module_1 = require("../../lib/module");
const probe_1 = require("./probe");
/** Every handler outcome of the matrix. */
exports.BEHAVIORS = [
    'completes',
    'throws Error',
    'throws RpcException',
    'throws AckMessage in a service',
    'throws NackMessage in a service',
    'throws RejectMessage in a service',
    'throws Error in a guard',
    'throws RejectMessage in a guard',
    'throws Error in an interceptor',
    'throws NackMessage in an interceptor',
    'throws Error in a pipe',
    'throws AckMessage in a pipe',
    'manual ack then throw',
    'double ack',
    'settles after returning',
];
/** Outcomes outside the matrix, for targeted tests. */
exports.EXTRA_BEHAVIORS = [
    'creates AckMessage, then throws Error',
    'catches a thrown NackMessage, then completes',
    'catches a thrown AckMessage, then throws Error',
];
/** Three levels deep with awaits between, so control exceptions cross async boundaries. */
let DeepService = class DeepService {
    async run(fail) {
        await Promise.resolve();
        return this.level2(fail);
    }
    async level2(fail) {
        await new Promise((resolve) => setImmediate(resolve));
        return fail();
    }
};
exports.DeepService = DeepService;
exports.DeepService = DeepService = __decorate([
    (0, common_1.Injectable)()
], DeepService);
function recordContext(context) {
    const ack = context.switchToRpc().getContext();
    (0, probe_1.probeFor)(ack.getPattern()).enter(ack);
}
class ErrorGuard {
    canActivate(context) {
        recordContext(context);
        throw new Error('guard failed on purpose');
    }
}
class RejectGuard {
    canActivate(context) {
        recordContext(context);
        throw new core_1.RejectMessage({ reason: 'guard-reject' });
    }
}
class ErrorInterceptor {
    intercept(context) {
        recordContext(context);
        throw new Error('interceptor failed on purpose');
    }
}
/** Fails after the handler ran, inside the observable chain. */
class NackAfterInterceptor {
    intercept(_context, next) {
        return next.handle().pipe((0, rxjs_1.mergeMap)(() => (0, rxjs_1.throwError)(() => new core_1.NackMessage())));
    }
}
class ErrorPipe {
    transform() {
        throw new Error('pipe failed on purpose');
    }
}
class AckPipe {
    transform() {
        throw new core_1.AckMessage();
    }
}
async function runBehavior(cell, data, context, deep) {
    const probe = (0, probe_1.probeFor)(cell.pattern);
    probe.enter(context);
    await probe.waitAtGate();
    if (cell.failUntilDelivery !== undefined && context.getDeliveryCount() < cell.failUntilDelivery) {
        if (cell.nackDelayMs !== undefined)
            throw new core_1.NackMessage({ delayMs: cell.nackDelayMs });
        throw new Error(`failing delivery ${context.getDeliveryCount()} on purpose`);
    }
    switch (cell.behavior) {
        case 'throws Error':
            throw new Error('handler failed on purpose');
        case 'throws RpcException':
            throw new microservices_1.RpcException('rpc failure on purpose');
        case 'throws AckMessage in a service':
            return deep.run(() => {
                throw new core_1.AckMessage();
            });
        case 'throws NackMessage in a service':
            return deep.run(() => {
                throw new core_1.NackMessage();
            });
        case 'throws RejectMessage in a service':
            return deep.run(() => {
                throw new core_1.RejectMessage({ reason: 'service-reject' });
            });
        case 'manual ack then throw':
            probe.manualResults.push(await context.ack());
            throw new Error('failed after manual ack on purpose');
        case 'creates AckMessage, then throws Error': {
            const unused = new core_1.AckMessage();
            void unused;
            throw new Error('handler failed on purpose');
        }
        case 'catches a thrown NackMessage, then completes':
            try {
                await deep.run(() => {
                    throw new core_1.NackMessage();
                });
            }
            catch {
                // handled inside the handler: no command
            }
            return `ok:${data.n}`;
        case 'catches a thrown AckMessage, then throws Error':
            try {
                await deep.run(() => {
                    throw new core_1.AckMessage();
                });
            }
            catch {
                // handled inside the handler: no command
            }
            throw new Error('handler failed on purpose');
        case 'double ack':
            probe.manualResults.push(await context.ack());
            probe.manualResults.push(await context.ack());
            return `ok:${data.n}`;
        default:
            return `ok:${data.n}`;
    }
}
function buildController(cell) {
    let CellController = class CellController {
        deep;
        constructor(deep) {
            this.deep = deep;
        }
        handle(data, context) {
            return runBehavior(cell, data, context, this.deep);
        }
    };
    __decorate([
        __param(0, (0, microservices_1.Payload)()),
        __param(1, (0, microservices_1.Ctx)()),
        __metadata("design:type", Function),
        __metadata("design:paramtypes", [Object, core_1.AckContext]),
        __metadata("design:returntype", Promise)
    ], CellController.prototype, "handle", null);
    CellController = __decorate([
        (0, common_1.Controller)(),
        __param(0, (0, common_1.Inject)(DeepService)),
        __metadata("design:paramtypes", [DeepService])
    ], CellController);
    const proto = CellController.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'handle');
    const method = (decorator) => decorator(proto, 'handle', descriptor);
    method((cell.kind === 'event' ? (0, microservices_1.EventPattern)(cell.pattern) : (0, microservices_1.MessagePattern)(cell.pattern)));
    const enhancer = {
        'throws Error in a guard': (0, common_1.UseGuards)(ErrorGuard),
        'throws RejectMessage in a guard': (0, common_1.UseGuards)(RejectGuard),
        'throws Error in an interceptor': (0, common_1.UseInterceptors)(ErrorInterceptor),
        'throws NackMessage in an interceptor': (0, common_1.UseInterceptors)(NackAfterInterceptor),
        'throws Error in a pipe': (0, common_1.UsePipes)(ErrorPipe),
        'throws AckMessage in a pipe': (0, common_1.UsePipes)(AckPipe),
    };
    const extra = enhancer[cell.behavior];
    if (extra)
        method(extra);
    if (cell.methodPolicy)
        method((0, core_1.AckPolicy)(cell.methodPolicy, { retry: cell.retry }));
    if (cell.controllerPolicy)
        (0, core_1.AckPolicy)(cell.controllerPolicy)(CellController);
    if (cell.filter === 'controller')
        (0, common_1.UseFilters)(module_1.AckExceptionFilter)(CellController);
    Object.defineProperty(CellController, 'name', { value: `Cell_${cell.pattern.replace(/\W/g, '_')}` });
    return CellController;
}
/** A Nest module with one controller per cell, the filter set up as the cells ask. */
function buildModule(cells) {
    const filter = cells[0]?.filter ?? 'global';
    const imports = filter === 'none' ? [] : [module_1.AckModule.forRoot({ globalFilter: filter === 'global' })];
    let ConformanceModule = class ConformanceModule {
    };
    ConformanceModule = __decorate([
        (0, common_1.Module)({ imports, controllers: cells.map(buildController), providers: [DeepService] })
    ], ConformanceModule);
    return ConformanceModule;
}
//# sourceMappingURL=cells.js.map