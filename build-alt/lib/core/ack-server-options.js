"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ack-server-options.js.map