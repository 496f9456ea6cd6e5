"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=broker-commands.js.map