"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=rabbit-dead-letter-options.js.map