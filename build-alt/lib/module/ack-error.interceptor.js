"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckErrorInterceptor = void 0;
const common_1 = require("@nestjs/common");
const rxjs_1 = require("rxjs");
const ack_context_1 = require("../core/ack-context");
/**
 * Records a handler's error on its `AckContext` as it was thrown, before
 * exception filters replace it (Nest's default turns every error into
 * "Internal server error"), so logs and dead letters keep its real name and
 * message; changes nothing about the error.
 *
 * `AckModule` no longer registers it: the module records thrown errors
 * without running anything per message (`recordThrownErrors`), where a global
 * interceptor costs every message Nest's interceptor plumbing (a quarter of a
 * no-op handler's throughput on the in-memory transport). Kept for
 * applications that registered it themselves.
 */
let AckErrorInterceptor = class AckErrorInterceptor {
    intercept(context, next) {
        return next.handle().pipe((0, rxjs_1.catchError)((error) => {
            const rpcContext = context.getType() === 'rpc' ? context.switchToRpc().getContext() : undefined;
            if ((0, ack_context_1.isAckContext)(rpcContext))
                rpcContext.thrownError = error;
            return (0, rxjs_1.throwError)(() => error);
        }));
    }
};
exports.AckErrorInterceptor = AckErrorInterceptor;
exports.AckErrorInterceptor = AckErrorInterceptor = __decorate([
    (0, common_1.Injectable)()
], AckErrorInterceptor);
//# sourceMappingURL=ack-error.interceptor.js.map