"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACK_MODULE_OPTIONS = exports.AckModule = exports.AckExceptionFilter = exports.AckErrorInterceptor = void 0;
// Nest's decorators need the Reflect metadata API before any of them runs.
require("reflect-metadata");
var ack_error_interceptor_1 = require("./ack-error.interceptor");
Object.defineProperty(exports, "AckErrorInterceptor", { enumerable: true, get: function () { return ack_error_interceptor_1.AckErrorInterceptor; } });
var ack_exception_filter_1 = require("./ack-exception.filter");
Object.defineProperty(exports, "AckExceptionFilter", { enumerable: true, get: function () { return ack_exception_filter_1.AckExceptionFilter; } });
var ack_module_1 = require("./ack.module");
Object.defineProperty(exports, "AckModule", { enumerable: true, get: function () { return ack_module_1.AckModule; } });
var ack_module_options_1 = require("./ack-module-options");
Object.defineProperty(exports, "ACK_MODULE_OPTIONS", { enumerable: true, get: function () { return ack_module_options_1.ACK_MODULE_OPTIONS; } });
//# sourceMappingURL=index.js.map