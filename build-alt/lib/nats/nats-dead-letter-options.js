"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=nats-dead-letter-options.js.map