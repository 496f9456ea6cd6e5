"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const testing_1 = require("../../../lib/testing");
// The checks that matter here are made by the compiler: `npm run build:test`
// fails if a `@ts-expect-error` line stops being an error.
(0, node_test_1.describe)('server events are typed', () => {
    (0, node_test_1.it)('accepts the known events with their payloads and refuses a misspelt one', () => {
        const server = new testing_1.InMemoryAckServer({ broker: new testing_1.InMemoryBroker() });
        const kinds = [];
        server.on('settled', (event) => kinds.push(event.settlement.kind));
        server.on('reconnecting', (attempt) => kinds.push(String(attempt)));
        // @ts-expect-error 'settld' is not an event of a nestjs-ack server
        server.on('settld', () => undefined);
        // @ts-expect-error 'reconnecting' hands a number, not an event object
        server.on('reconnecting', (event) => event.settlement);
        strict_1.default.equal(server.on('handled', () => undefined), server, 'on() chains');
    });
});
//# sourceMappingURL=server-events-types.test.js.map