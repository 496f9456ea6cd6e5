import { Controller, Module, type INestMicroservice, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload, type CustomTransportStrategy } from '@nestjs/microservices';
import { HealthCheckService, TerminusModule } from '@nestjs/terminus';
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
