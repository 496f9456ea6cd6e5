"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=settlement-event.js.map