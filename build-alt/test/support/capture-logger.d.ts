import type { LoggerService } from '@nestjs/common';
/** One call to the application's logger, its arguments joined into the text a console would show. */
export interface CapturedLine {
    level: 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';
    text: string;
}
/**
 * A Nest `LoggerService` that keeps every call (give it as the app's `logger`):
 * Nest's own loggers (`RpcExceptionsHandler`...) and the servers' log through it.
 * An Error argument is kept as its stack, the way the console logger prints it.
 */
export declare class CaptureLogger implements LoggerService {
    readonly lines: CapturedLine[];
    log(message: unknown, ...params: unknown[]): void;
    error(message: unknown, ...params: unknown[]): void;
    warn(message: unknown, ...params: unknown[]): void;
    debug(message: unknown, ...params: unknown[]): void;
    verbose(message: unknown, ...params: unknown[]): void;
    fatal(message: unknown, ...params: unknown[]): void;
    /** The lines whose text contains `fragment`, whatever their level. */
    mentioning(fragment: string): CapturedLine[];
    private keep;
}
