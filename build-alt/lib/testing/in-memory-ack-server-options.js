"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=in-memory-ack-server-options.js.map