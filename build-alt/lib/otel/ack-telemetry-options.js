"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ack-telemetry-options.js.map