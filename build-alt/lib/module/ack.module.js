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
var AckModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckModule = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const microservices_1 = require("@nestjs/microservices");
const ack_control_exception_1 = require("../core/ack-control.exception");
const ack_module_presence_1 = require("../core/ack-module-presence");
const ack_exception_filter_1 = require("./ack-exception.filter");
const ack_module_options_1 = require("./ack-module-options");
const thrown_error_recorder_1 = require("./thrown-error-recorder");
/** Where the global filter is turned off, control exceptions get Nest's default treatment. */
let DefaultRpcFilter = class DefaultRpcFilter extends microservices_1.BaseRpcExceptionFilter {
    catch(exception, host) {
        return super.catch(exception, host);
    }
};
DefaultRpcFilter = __decorate([
    (0, common_1.Catch)(ack_control_exception_1.AckControlException)
], DefaultRpcFilter);
const globalFilterProvider = {
    provide: core_1.APP_FILTER,
    useFactory: (options, filter) => options.globalFilter === false ? new DefaultRpcFilter() : filter,
    inject: [ack_module_options_1.ACK_MODULE_OPTIONS, ack_exception_filter_1.AckExceptionFilter],
};
/**
 * Wires nestjs-ack into an application: the global exception filter that
 * turns control exceptions into settlements, the recording of handlers'
 * errors as thrown (for logs and dead letters; nothing runs while handlers
 * succeed), and the injectable options.
 *
 * @example
 * ```ts
 * @Module({ imports: [AckModule.forRoot()], controllers: [OrdersController] })
 * export class AppModule {}
 * ```
 */
let AckModule = AckModule_1 = class AckModule {
    /**
     * In the constructor, not `onModuleInit`: a hybrid app's `startAllMicroservices()` may start consuming
     * before the app's init hooks run (they run in `app.listen()`), and every delivery must find the
     * recording in place. Also lets servers check at start that the module is there (they warn when not).
     */
    constructor() {
        (0, thrown_error_recorder_1.recordThrownErrors)();
        (0, ack_module_presence_1.ackModuleStarted)();
    }
    onModuleDestroy() {
        (0, ack_module_presence_1.ackModuleStopped)();
    }
    static forRoot(options = {}) {
        return AckModule_1.create([{ provide: ack_module_options_1.ACK_MODULE_OPTIONS, useValue: options }]);
    }
    static forRootAsync(options) {
        return AckModule_1.create([{ provide: ack_module_options_1.ACK_MODULE_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] }], options.imports);
    }
    static create(optionsProviders, imports = []) {
        return {
            module: AckModule_1,
            global: true,
            imports,
            providers: [...optionsProviders, ack_exception_filter_1.AckExceptionFilter, globalFilterProvider],
            exports: [ack_module_options_1.ACK_MODULE_OPTIONS, ack_exception_filter_1.AckExceptionFilter],
        };
    }
};
exports.AckModule = AckModule;
exports.AckModule = AckModule = AckModule_1 = __decorate([
    (0, common_1.Module)({}),
    __metadata("design:paramtypes", [])
], AckModule);
//# sourceMappingURL=ack.module.js.map