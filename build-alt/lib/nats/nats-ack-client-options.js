"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=nats-ack-client-options.js.map