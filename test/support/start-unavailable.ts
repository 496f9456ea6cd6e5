import assert from 'node:assert/strict';
import { Controller, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type CustomTransportStrategy, EventPattern } from '@nestjs/microservices';
import { BrokerUnavailableError } from '../../lib/core/errors';
import { CaptureLogger } from './capture-logger';

/** A module with one event handler for `pattern`. */
export function oneHandlerModule(pattern: string): Type<unknown> {
  @Controller()
  class OneHandler {
    @EventPattern(pattern)
    handle() {}
  }
  @Module({ controllers: [OneHandler] })
  class OneHandlerModule {}
  return OneHandlerModule;
}

/** What a start against nothing produced. */
export interface UnavailableStart {
  error: BrokerUnavailableError;
  elapsedMs: number;
  logger: CaptureLogger;
  /** The warnings about the failed attempts. */
  warnings: string[];
}

/**
 * Starts `server` (built with `startTimeoutMs` = `timeoutMs`) in an app whose
 * logger is captured; asserts that `listen()` rejects with
 * `BrokerUnavailableError` within `timeoutMs` + `slackMs`, and that the app closes.
 */
export async function startAgainstNothing(server: CustomTransportStrategy, module: Type<unknown>, timeoutMs: number, slackMs = 1500): Promise<UnavailableStart> {
  const logger = new CaptureLogger();
  const app = await NestFactory.createMicroservice(module, { strategy: server, logger });
  const started = Date.now();
  const error = await app.listen().then(
    () => assert.fail('listen() should have failed'),
    (e: unknown) => e,
  );
  const elapsedMs = Date.now() - started;
  await app.close();
  assert.ok(error instanceof BrokerUnavailableError, `BrokerUnavailableError, got ${String(error)}`);
  assert.equal(error.name, 'BrokerUnavailableError');
  assert.equal(error.code, 'ACK_BROKER_UNAVAILABLE');
  assert.ok(error.attempts >= 2, `retried: ${error.attempts} attempt(s)`);
  assert.ok(error.cause instanceof Error, 'the last failure is the cause');
  assert.ok(elapsedMs <= timeoutMs + slackMs, `listen() rejected after ${elapsedMs} ms (startTimeoutMs ${timeoutMs})`);
  const warnings = logger.lines.filter((line) => line.level === 'warn' && line.text.includes('could not reach')).map((line) => line.text);
  assert.equal(warnings.length, error.attempts, `one warning per attempt:\n${warnings.join('\n')}`);
  return { error, elapsedMs, logger, warnings };
}
