"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MessagingAttributes = exports.AckAttributes = exports.INSTRUMENTATION_NAME = exports.instrumentAck = exports.AckTelemetryModule = exports.ACK_INSTRUMENTATION = exports.AckMetricNames = void 0;
// Needs the optional peer `@opentelemetry/api`; nothing outside this folder imports it.
var ack_metrics_1 = require("./ack-metrics");
Object.defineProperty(exports, "AckMetricNames", { enumerable: true, get: function () { return ack_metrics_1.AckMetricNames; } });
var ack_telemetry_module_1 = require("./ack-telemetry.module");
Object.defineProperty(exports, "ACK_INSTRUMENTATION", { enumerable: true, get: function () { return ack_telemetry_module_1.ACK_INSTRUMENTATION; } });
Object.defineProperty(exports, "AckTelemetryModule", { enumerable: true, get: function () { return ack_telemetry_module_1.AckTelemetryModule; } });
var instrument_ack_1 = require("./instrument-ack");
Object.defineProperty(exports, "instrumentAck", { enumerable: true, get: function () { return instrument_ack_1.instrumentAck; } });
var instrumentation_scope_1 = require("./instrumentation-scope");
Object.defineProperty(exports, "INSTRUMENTATION_NAME", { enumerable: true, get: function () { return instrumentation_scope_1.INSTRUMENTATION_NAME; } });
var messaging_attributes_1 = require("./messaging-attributes");
Object.defineProperty(exports, "AckAttributes", { enumerable: true, get: function () { return messaging_attributes_1.AckAttributes; } });
Object.defineProperty(exports, "MessagingAttributes", { enumerable: true, get: function () { return messaging_attributes_1.MessagingAttributes; } });
//# sourceMappingURL=index.js.map