"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.uniqueName = uniqueName;
const node_crypto_1 = require("node:crypto");
/** A name no earlier run used: every test gets its own queues, topics, streams and groups. */
function uniqueName(prefix) {
    return `${prefix}.${Date.now().toString(36)}.${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
}
//# sourceMappingURL=names.js.map