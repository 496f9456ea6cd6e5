"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=kafka-topic-creation.js.map