import assert from 'node:assert/strict';
import { Controller, Module, type INestMicroservice, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload, type CustomTransportStrategy } from '@nestjs/microservices';
import { HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { waitFor } from './wait-for';
import { AckHealthIndicator, type AckHealthCheckOptions, type AckHealthDetails, type AckHealthTarget } from '../../lib/health';

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

export const HEALTH_KEY = 'ack';

export async function startHealthApp(
  server: CustomTransportStrategy & AckHealthTarget,
  patterns: string[],
  { handler = () => undefined, logger = false }: { handler?: (data: unknown) => unknown; logger?: LoggerService | LogLevel[] | false } = {},
): Promise<HealthApp> {
  @Controller()
  class HandlersController {}
  for (const pattern of patterns) {
    const name = `on_${pattern.replace(/\W/g, '_')}`;
    Object.defineProperty(HandlersController.prototype, name, { value: (data: unknown) => handler(data), writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(HandlersController.prototype, name)!;
    Payload()(HandlersController.prototype, name, 0);
    EventPattern<string>(pattern)(HandlersController.prototype, name, descriptor);
  }

  @Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HandlersController], providers: [AckHealthIndicator] })
  class HealthAppModule {}

  const app = await NestFactory.createMicroservice(HealthAppModule, { strategy: server, logger });
  await app.listen();
  const health = app.get(HealthCheckService);
  const indicator = app.get(AckHealthIndicator);
  return {
    app,
    async check(options, target = server) {
      try {
        return (await health.check([() => indicator.check(HEALTH_KEY, target, options)])) as unknown as HealthAnswer;
      } catch (error) {
        // A down check: terminus throws a 503 whose body is the result.
        const unavailable = error as { getStatus?: () => number; getResponse?: () => unknown };
        if (unavailable.getStatus?.() === 503) return unavailable.getResponse!() as HealthAnswer;
        throw error;
      }
    },
    close: () => app.close(),
  };
}

/** Polls the terminus check until its status is `wanted`; returns that answer and when it came. */
export async function checkUntil(health: HealthApp, wanted: 'ok' | 'error', timeoutMs: number): Promise<{ answer: HealthAnswer; at: number }> {
  let answer: HealthAnswer | undefined;
  await waitFor(async () => (answer = await health.check()).status === wanted, { timeoutMs, intervalMs: 100, message: `health status ${wanted} (last ${JSON.stringify(answer)})` });
  return { answer: answer!, at: Date.now() };
}

/** Longest time from a broker stop to a `down` check (the done-when line). */
export const DOWN_WITHIN_MS = 5000;

/**
 * Stops the broker, asserts the check is `down` (not connected) within
 * `DOWN_WITHIN_MS` of the stop, starts it again and waits for `up`. Returns
 * both answers for the caller's assertions on the details.
 */
export async function downThenUp(
  health: HealthApp,
  broker: { label: string; stop(): Promise<unknown>; start(): Promise<unknown>; upWithinMs?: number },
): Promise<{ down: HealthAnswer; up: HealthAnswer }> {
  assert.equal((await health.check()).status, 'ok', `${broker.label} is up before the stop`);
  await broker.stop();
  const stoppedAt = Date.now();
  const down = await checkUntil(health, 'error', 15_000);
  const downAfterMs = down.at - stoppedAt;
  console.log(`${broker.label} health: down ${downAfterMs} ms after the stop (${down.answer.error?.[HEALTH_KEY]?.error})`);
  assert.ok(downAfterMs < DOWN_WITHIN_MS, `${broker.label}: down ${downAfterMs} ms after the stop`);
  const details = down.answer.error?.[HEALTH_KEY];
  assert.equal(details?.status, 'down');
  assert.equal(details?.connected, false);
  assert.ok(details?.error, 'a down check says why');
  await broker.start();
  const up = await checkUntil(health, 'ok', broker.upWithinMs ?? 60_000);
  console.log(`${broker.label} health: up ${up.at - stoppedAt} ms after the stop (restarted in between)`);
  return { down: down.answer, up: up.answer };
}
