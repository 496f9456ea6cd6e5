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
export class CaptureLogger implements LoggerService {
  readonly lines: CapturedLine[] = [];

  log(message: unknown, ...params: unknown[]) { this.keep('log', message, params); }
  error(message: unknown, ...params: unknown[]) { this.keep('error', message, params); }
  warn(message: unknown, ...params: unknown[]) { this.keep('warn', message, params); }
  debug(message: unknown, ...params: unknown[]) { this.keep('debug', message, params); }
  verbose(message: unknown, ...params: unknown[]) { this.keep('verbose', message, params); }
  fatal(message: unknown, ...params: unknown[]) { this.keep('fatal', message, params); }

  /** The lines whose text contains `fragment`, whatever their level. */
  mentioning(fragment: string): CapturedLine[] {
    return this.lines.filter((line) => line.text.includes(fragment));
  }

  private keep(level: CapturedLine['level'], message: unknown, params: unknown[]): void {
    const show = (value: unknown) => (value instanceof Error ? (value.stack ?? `${value.name}: ${value.message}`) : typeof value === 'string' ? value : JSON.stringify(value));
    this.lines.push({ level, text: [message, ...params].filter((value) => value !== undefined).map(show).join('\n') });
  }
}
