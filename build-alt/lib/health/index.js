"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckHealthIndicator = void 0;
/** `nestjs-ack/health`: a `@nestjs/terminus` health indicator for every nestjs-ack server (terminus is an optional peer). */
var ack_health_indicator_1 = require("./ack-health-indicator");
Object.defineProperty(exports, "AckHealthIndicator", { enumerable: true, get: function () { return ack_health_indicator_1.AckHealthIndicator; } });
//# sourceMappingURL=index.js.map