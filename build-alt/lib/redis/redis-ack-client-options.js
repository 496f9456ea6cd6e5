"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=redis-ack-client-options.js.map