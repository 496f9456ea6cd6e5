import { type INestMicroservice, type LoggerService, type LogLevel } from '@nestjs/common';
import { type CustomTransportStrategy } from '@nestjs/microservices';
import { type AckHealthCheckOptions, type AckHealthDetails, type AckHealthTarget } from '../../lib/health';
/** What `HealthCheckService.check` answered: its result, or the body of the 503 it threw. */
export interface HealthAnswer {
    status: string;
    info?: Record<string, AckHealthDetails>;
    error?: Record<string, AckHealthDetails>;
    details: Record<string, AckHealthDetails>;
}
/** A Nest microservice with TerminusModule and `AckHealthIndicator`, on `server`, with one event handler per pattern. */
export interface HealthApp {
    app: INestMicroservice;
    /** Runs the terminus health check of `target` (the app's server unless given) under `HEALTH_KEY`. */
    check(options?: AckHealthCheckOptions, target?: AckHealthTarget): Promise<HealthAnswer>;
    close(): Promise<void>;
}
export declare const HEALTH_KEY = "ack";
export declare function startHealthApp(server: CustomTransportStrategy & AckHealthTarget, patterns: string[], { handler, logger }?: {
    handler?: (data: unknown) => unknown;
    logger?: LoggerService | LogLevel[] | false;
}): Promise<HealthApp>;
/** Polls the terminus check until its status is `wanted`; returns that answer and when it came. */
export declare function checkUntil(health: HealthApp, wanted: 'ok' | 'error', timeoutMs: number): Promise<{
    answer: HealthAnswer;
    at: number;
}>;
/** Longest time from a broker stop to a `down` check (the done-when line). */
export declare const DOWN_WITHIN_MS = 5000;
/**
 * Stops the broker, asserts the check is `down` (not connected) within
 * `DOWN_WITHIN_MS` of the stop, starts it again and waits for `up`. Returns
 * both answers for the caller's assertions on the details.
 */
export declare function downThenUp(health: HealthApp, broker: {
    label: string;
    stop(): Promise<unknown>;
    start(): Promise<unknown>;
    upWithinMs?: number;
}): Promise<{
    down: HealthAnswer;
    up: HealthAnswer;
}>;
