"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.START_RESTART_WINDOW_MS = void 0;
exports.shouldRestartConsumer = shouldRestartConsumer;
/**
 * How long, from the start of a consumer, kafkajs may restart it on retriable
 * crashes before its first group join: a fresh cluster answers "The coordinator
 * is loading" for a few seconds. Non-retriable errors (authentication, bad
 * configuration) never reach this rule: kafkajs fails them at once.
 */
exports.START_RESTART_WINDOW_MS = 30_000;
/** What `restartOnFailure` decides for a crash kafkajs counts as retriable. */
function shouldRestartConsumer(state) {
    if (state.closing)
        return false;
    return state.joinedOnce || state.now - state.startedAt < exports.START_RESTART_WINDOW_MS;
}
//# sourceMappingURL=consumer-restart.js.map