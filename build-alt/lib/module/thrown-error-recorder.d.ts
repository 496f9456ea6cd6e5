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
export declare function recordThrownErrors(): void;
