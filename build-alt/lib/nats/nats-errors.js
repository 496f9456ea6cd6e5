"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NatsConsumerConfigError = exports.NatsMissingResourceError = void 0;
const errors_1 = require("../core/errors");
/** A stream or consumer the server was told to use does not exist (and was not to be created). */
class NatsMissingResourceError extends errors_1.AckError {
    kind;
    resource;
    constructor(
    /** `stream` or `consumer`. */
    kind, 
    /** The missing stream's or consumer's name. */
    resource, hint) {
        super(`the JetStream ${kind} "${resource}" does not exist; ${hint}`);
        this.kind = kind;
        this.resource = resource;
    }
}
exports.NatsMissingResourceError = NatsMissingResourceError;
/** An existing consumer whose configuration breaks the contract (it would settle or drop messages behind our back). */
class NatsConsumerConfigError extends errors_1.AckError {
}
exports.NatsConsumerConfigError = NatsConsumerConfigError;
//# sourceMappingURL=nats-errors.js.map