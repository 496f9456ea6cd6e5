"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=postgres-ack-server-options.js.map