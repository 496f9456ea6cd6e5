"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACK_MODULE_OPTIONS = void 0;
/** Injection token of the resolved `AckModuleOptions`. */
exports.ACK_MODULE_OPTIONS = Symbol('nestjs-ack:module-options');
//# sourceMappingURL=ack-module-options.js.map