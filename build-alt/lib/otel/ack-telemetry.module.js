"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var AckTelemetryModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckTelemetryModule = exports.ACK_INSTRUMENTATION = void 0;
const common_1 = require("@nestjs/common");
const instrument_ack_1 = require("./instrument-ack");
/** Injection token of the running `AckInstrumentation`. */
exports.ACK_INSTRUMENTATION = Symbol('nestjs-ack:instrumentation');
/** Turns the instrumentation off once the application closed (its servers drained first). */
class AckInstrumentationLifetime {
    instrumentation;
    constructor(instrumentation) {
        this.instrumentation = instrumentation;
    }
    onApplicationShutdown() {
        this.instrumentation.disable();
    }
}
/**
 * `instrumentAck(options)` as a Nest module: import
 * `AckTelemetryModule.forRoot()` next to `AckModule.forRoot()`. The spans
 * and measurements go to the global OpenTelemetry providers unless the options
 * name others; the SDK itself is set up as usual (`@opentelemetry/sdk-node`).
 */
let AckTelemetryModule = AckTelemetryModule_1 = class AckTelemetryModule {
    static forRoot(options = {}) {
        return {
            module: AckTelemetryModule_1,
            global: true,
            providers: [
                { provide: AckInstrumentationLifetime, useFactory: () => new AckInstrumentationLifetime((0, instrument_ack_1.instrumentAck)(options)) },
                { provide: exports.ACK_INSTRUMENTATION, useFactory: (lifetime) => lifetime.instrumentation, inject: [AckInstrumentationLifetime] },
            ],
            exports: [exports.ACK_INSTRUMENTATION],
        };
    }
};
exports.AckTelemetryModule = AckTelemetryModule;
exports.AckTelemetryModule = AckTelemetryModule = AckTelemetryModule_1 = __decorate([
    (0, common_1.Module)({})
], AckTelemetryModule);
//# sourceMappingURL=ack-telemetry.module.js.map