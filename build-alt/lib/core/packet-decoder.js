"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeJsonPacket = void 0;
exports.decodeUtf8 = decodeUtf8;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * The body as text; throws on bytes that are not valid UTF-8, where
 * `Buffer.toString()` would put U+FFFD in their place and change the data in silence.
 */
function decodeUtf8(body) {
    try {
        return strictUtf8.decode(body);
    }
    catch {
        throw new Error('the body is not valid UTF-8');
    }
}
/** The wire format of most transports: a JSON body `{ pattern, data, id? }`, as Nest's own clients publish it. */
const decodeJsonPacket = (message, deserializer) => {
    const value = JSON.parse(decodeUtf8(message.body));
    // Nest's own deserializers answer at once; a user's may return a promise.
    const packet = deserializer.deserialize(value, { channel: message.pattern });
    return packet instanceof Promise ? packet.then(withPattern) : withPattern(packet);
};
exports.decodeJsonPacket = decodeJsonPacket;
function withPattern(packet) {
    if (packet?.pattern === undefined || packet.pattern === null)
        throw new Error('message has no pattern');
    return packet;
}
//# sourceMappingURL=packet-decoder.js.map