"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACK_EXTRAS_KEY = exports.ACK_POLICY_METADATA = void 0;
/** Reflect-metadata key holding the `@AckPolicy()` value on a method or controller class. */
exports.ACK_POLICY_METADATA = 'nestjs-ack:policy';
/** Key inside a handler's pattern extras where the transport finds the ack settings. */
exports.ACK_EXTRAS_KEY = 'nestjsAck';
//# sourceMappingURL=metadata-keys.js.map