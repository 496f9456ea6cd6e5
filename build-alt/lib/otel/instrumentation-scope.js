"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INSTRUMENTATION_NAME = void 0;
/** The instrumentation scope (tracer and meter name) of every span and instrument of `nestjs-ack/otel`. */
exports.INSTRUMENTATION_NAME = 'nestjs-ack';
//# sourceMappingURL=instrumentation-scope.js.map