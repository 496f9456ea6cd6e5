"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=redis-ack-server-options.js.map