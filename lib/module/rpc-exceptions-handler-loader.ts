/**
 * Where Nest keeps `RpcExceptionsHandler` (Nest 10, 11 and 12 alike). Not
 * re-exported from the package's root in any of them: reachable only through
 * the catch-all `"./*"` entry of its `exports`, so a later Nest may move it.
 */
export const RPC_EXCEPTIONS_HANDLER_MODULE = '@nestjs/microservices/exceptions/rpc-exceptions-handler';

/**
 * Returns Nest's `RpcExceptionsHandler` class, or throws when it cannot be
 * loaded. A function of its own so tests can hand the recorder one that fails.
 */
export type RpcExceptionsHandlerLoader = () => unknown;

/**
 * Loads `RpcExceptionsHandler` when `AckModule` starts, never at import: a Nest
 * that moved the file costs the recording of errors, not the whole package.
 * The root export comes first, in case a later Nest exports the class there.
 */
export const loadRpcExceptionsHandler: RpcExceptionsHandlerLoader = () => {
  const root = require('@nestjs/microservices') as { RpcExceptionsHandler?: unknown };
  if (root.RpcExceptionsHandler !== undefined) return root.RpcExceptionsHandler;
  return (require(RPC_EXCEPTIONS_HANDLER_MODULE) as { RpcExceptionsHandler?: unknown }).RpcExceptionsHandler;
};
