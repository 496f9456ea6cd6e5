/**
 * Every difference between the Nest majors nestjs-ack supports (10, 11, 12),
 * in one place. The library is compiled against Nest 12's types and runs on
 * all three; code outside this file never reaches for a member that only some
 * majors have.
 *
 * | member (of `Server` / `ClientProxy`)       | Nest 10 | Nest 11 | Nest 12 | here                       |
 * |--------------------------------------------|---------|---------|---------|----------------------------|
 * | `Server#getPatternAsString()`              | no      | yes     | yes     | `patternAsString()`        |
 * | `normalizePattern()` (routes, client topic)| yes     | yes     | yes     | used directly              |
 * | `Server` / `ClientProxy` generics          | no      | yes     | yes     | types only (built on 12)   |
 * | `_status$` / `status` (server and client)  | no      | yes     | yes     | `emitStatus()`             |
 * | `transportId`, `setTransportId()`          | no      | yes     | yes     | `setTransportId()`         |
 * | `onProcessingStartHook` / `...EndHook`     | no      | yes     | yes     | `processingHooks()`        |
 * | `Server#propagatesEventHandlerErrors`      | no      | no      | yes     | a plain field, ignored < 12|
 * | `IntrinsicException` (`@nestjs/common`)    | no      | yes     | yes     | not used                   |
 * | `RpcException`, `BaseRpcExceptionFilter`   | yes     | yes     | yes     | used directly              |
 * | `ClientsModule.register({ customClass })`  | yes     | yes     | yes     | used directly              |
 */
/** Returned for a pattern `JSON.stringify` cannot serialize (a cycle, a BigInt, too deep). */
export declare const UNSERIALIZABLE_PATTERN = "[unserializable pattern]";
/**
 * The string form of an incoming pattern, the key `getHandlerByPattern` looks
 * up: a string as is, anything else as JSON. Nest >= 11 has the same rule as
 * `Server#getPatternAsString`; Nest 10 has none, so it lives here for all.
 * Never throws: patterns come from clients.
 */
export declare function patternAsString(pattern: unknown): string;
/** Pushes a status to `server.status` / `client.status` (Nest >= 11); Nest 10 has no status stream. */
export declare function emitStatus(target: object, status: string): void;
/** Names the transport for Nest's processing hooks (Nest >= 11); on Nest 10 a plain field nobody reads. */
export declare function setTransportId(server: object, transportId: symbol): void;
/** Nest's processing hooks, bound to the server, or undefined on Nest 10 (which has none). */
export interface ProcessingHooks {
    transportId: unknown;
    start(context: unknown, done: () => Promise<unknown>): unknown;
    end(context: unknown): unknown;
}
/**
 * The start hook a server has when constructed: Nest's own, which only calls
 * `done` (Nest >= 11 sets it on each instance); undefined on Nest 10.
 */
export declare function defaultStartHook(server: object): unknown;
/**
 * Nest's processing hooks, bound to the server; undefined on Nest 10 (which
 * has none) and while the server still has `defaultStart` (the hook it was
 * constructed with) and no end hook: then they would only call the work.
 */
export declare function processingHooks(server: object, defaultStart?: unknown): ProcessingHooks | undefined;
