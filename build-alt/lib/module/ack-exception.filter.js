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
exports.AckExceptionFilter = void 0;
const common_1 = require("@nestjs/common");
const microservices_1 = require("@nestjs/microservices");
const rxjs_1 = require("rxjs");
const ack_context_1 = require("../core/ack-context");
const ack_control_exception_1 = require("../core/ack-control.exception");
const ack_module_options_1 = require("./ack-module-options");
/**
 * Turns `AckMessage`, `NackMessage` and `RejectMessage` into broker commands
 * at once, and passes the exception on with its class intact. Registered
 * globally by `AckModule.forRoot()`; also usable with `@UseFilters()`.
 */
let AckExceptionFilter = class AckExceptionFilter {
    options;
    fallback = new microservices_1.BaseRpcExceptionFilter();
    constructor(options = {}) {
        this.options = options;
    }
    catch(exception, host) {
        const context = host.switchToRpc().getContext();
        if (!(0, ack_context_1.isAckContext)(context)) {
            // Not a nestjs-ack transport: behave as Nest's own filter would.
            return this.fallback.catch(exception, host);
        }
        return (0, rxjs_1.from)(context.settle(exception.toSettlement())).pipe((0, rxjs_1.mergeMap)(() => (0, rxjs_1.throwError)(() => exception)));
    }
    /** Whether `AckModule` registered this filter globally. */
    get isGlobal() {
        return this.options.globalFilter !== false;
    }
};
exports.AckExceptionFilter = AckExceptionFilter;
exports.AckExceptionFilter = AckExceptionFilter = __decorate([
    (0, common_1.Catch)(ack_control_exception_1.AckControlException),
    __param(0, (0, common_1.Optional)()),
    __param(0, (0, common_1.Inject)(ack_module_options_1.ACK_MODULE_OPTIONS)),
    __metadata("design:paramtypes", [Object])
], AckExceptionFilter);
//# sourceMappingURL=ack-exception.filter.js.map