"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=inbound-message.js.map