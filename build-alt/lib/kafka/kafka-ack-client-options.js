"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=kafka-ack-client-options.js.map