"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=broker-health.js.map