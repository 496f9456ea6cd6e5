"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=kafka-ack-server-options.js.map