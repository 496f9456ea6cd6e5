"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=rabbit-ack-client-options.js.map