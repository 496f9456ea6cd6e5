"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AckControlException = exports.CONTROL_COMMAND_KEY = void 0;
exports.isAckControlException = isAckControlException;
exports.controlCommandOf = controlCommandOf;
const microservices_1 = require("@nestjs/microservices");
/** Key of the settle command inside a control exception's error object. */
exports.CONTROL_COMMAND_KEY = 'nestjsAckCommand';
/**
 * Base of `AckMessage`, `NackMessage` and `RejectMessage`: thrown at any depth
 * (service, guard, interceptor, pipe) it settles the current message and stops
 * processing it.
 *
 * It is an `RpcException` whose error object carries the command, so it keeps
 * working after an exception filter replaced the class by that plain object
 * (Nest's default RPC filter does). Creating one does nothing: only an
 * exception that leaves the handler settles. Nest does not log it as a failure.
 */
class AckControlException extends microservices_1.RpcException {
    /** Marks the class across copies of the package (instanceof fails across them). */
    nestjsAckControl = true;
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
    /** The object filters pass on: Nest's `{ status, message }` plus the command. */
    getError() {
        return { status: 'error', message: this.message, [exports.CONTROL_COMMAND_KEY]: this.commandForWire() };
    }
    /** The settlement with the exception reduced to its name and message (the payload must stay plain and serializable). */
    commandForWire() {
        const command = this.toSettlement();
        return command.kind === 'ack' ? command : { ...command, error: { name: this.name, message: this.message } };
    }
}
exports.AckControlException = AckControlException;
function isAckControlException(value) {
    return typeof value === 'object' && value !== null && value.nestjsAckControl === true;
}
/**
 * The command a failure carries: from a control exception, or from the plain
 * object a filter made of one. `undefined` for every other failure.
 */
function controlCommandOf(failure) {
    if (isAckControlException(failure))
        return failure.toSettlement();
    if (typeof failure !== 'object' || failure === null || failure instanceof Error)
        return undefined;
    const command = failure[exports.CONTROL_COMMAND_KEY];
    return isSettlement(command) ? command : undefined;
}
function isSettlement(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const { kind } = value;
    return kind === 'ack' || kind === 'nack' || (kind === 'reject' && typeof value.reason === 'string');
}
//# sourceMappingURL=ack-control.exception.js.map