"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=nats-ack-server-options.js.map