"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recordThrownErrors = recordThrownErrors;
// Not re-exported from the package's index in any major; the same file in Nest 10, 11 and 12.
const rpc_exceptions_handler_1 = require("@nestjs/microservices/exceptions/rpc-exceptions-handler");
const ack_context_1 = require("../core/ack-context");
const ack_module_presence_1 = require("../core/ack-module-presence");
/** Marks the wrapped `handle`, so two copies of this package wrap it once. */
const RECORDER = Symbol.for('nestjs-ack.thrown-error-recorder');
/**
 * Records a handler's error on its `AckContext` as it was thrown, before
 * exception filters replace it (Nest's default turns every error into
 * "Internal server error"), so logs and dead letters keep its real name and
 * message.
 *
 * Where: every error of an RPC handler (its guards, interceptors, pipes and
 * the method itself) reaches `RpcExceptionsHandler#handle(error, host)`, the
 * per-handler object that then picks the exception filter (Nest 10, 11 and
 * 12 alike); `host` carries the handler's arguments, `[data, ctx]`. The
 * wrapper only writes `ctx.thrownError` when `ctx` is an `AckContext`, then
 * calls Nest's own `handle` with the same arguments and returns its result:
 * which filter runs, and what it answers, stay Nest's and the application's.
 * Unlike a global interceptor it costs nothing while handlers succeed, and
 * unlike a catch-all global filter it never stands in the way of the
 * application's own filters or of HTTP and WebSocket errors in hybrid apps.
 *
 * Installed once per process by `AckModule`; idempotent.
 */
function recordThrownErrors() {
    const prototype = rpc_exceptions_handler_1.RpcExceptionsHandler.prototype;
    const original = prototype.handle;
    if (original[RECORDER])
        return;
    const handle = function (exception, host, ...rest) {
        const context = host?.getArgByIndex?.(1);
        // Only while an AckModule lives: an app without it behaves as documented for that case.
        if ((0, ack_context_1.isAckContext)(context) && (0, ack_module_presence_1.isAckModuleActive)())
            context.thrownError = exception;
        return original.call(this, exception, host, ...rest);
    };
    handle[RECORDER] = true;
    prototype.handle = handle;
}
//# sourceMappingURL=thrown-error-recorder.js.map