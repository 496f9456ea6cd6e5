"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=telemetry-parts.js.map