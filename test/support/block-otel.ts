import Module = require('node:module');

// Imported first by a child process: as if `@opentelemetry/api` were not installed, every `@opentelemetry/*` request fails to resolve.
const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
  if (request.startsWith('@opentelemetry/')) throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
  return resolve.call(this, request, ...rest);
};
