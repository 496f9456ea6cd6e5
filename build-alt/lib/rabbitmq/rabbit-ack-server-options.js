"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=rabbit-ack-server-options.js.map