"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CaptureLogger = void 0;
/**
 * A Nest `LoggerService` that keeps every call (give it as the app's `logger`):
 * Nest's own loggers (`RpcExceptionsHandler`...) and the servers' log through it.
 * An Error argument is kept as its stack, the way the console logger prints it.
 */
class CaptureLogger {
    lines = [];
    log(message, ...params) { this.keep('log', message, params); }
    error(message, ...params) { this.keep('error', message, params); }
    warn(message, ...params) { this.keep('warn', message, params); }
    debug(message, ...params) { this.keep('debug', message, params); }
    verbose(message, ...params) { this.keep('verbose', message, params); }
    fatal(message, ...params) { this.keep('fatal', message, params); }
    /** The lines whose text contains `fragment`, whatever their level. */
    mentioning(fragment) {
        return this.lines.filter((line) => line.text.includes(fragment));
    }
    keep(level, message, params) {
        const show = (value) => (value instanceof Error ? (value.stack ?? `${value.name}: ${value.message}`) : typeof value === 'string' ? value : JSON.stringify(value));
        this.lines.push({ level, text: [message, ...params].filter((value) => value !== undefined).map(show).join('\n') });
    }
}
exports.CaptureLogger = CaptureLogger;
//# sourceMappingURL=capture-logger.js.map