"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=postgres-ack-client-options.js.map