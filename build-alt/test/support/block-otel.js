"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const Module = require("node:module");
// Imported first by a child process: as if `@opentelemetry/api` were not installed, every `@opentelemetry/*` request fails to resolve.
const loader = Module;
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request, ...rest) {
    if (request.startsWith('@opentelemetry/'))
        throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
    return resolve.call(this, request, ...rest);
};
//# sourceMappingURL=block-otel.js.map