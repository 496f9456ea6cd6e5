import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Catch, Controller, Module, UseFilters, type ArgumentsHost, type DynamicModule, type ExceptionFilter } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, RpcException } from '@nestjs/microservices';
import { throwError } from 'rxjs';
import { AckModule, RejectMessage, type SettlementEvent } from '../../../lib';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import { CaptureLogger } from '../../support/capture-logger';

/** A filter of the user's that turns errors into a plain answer without logging them. */
@Catch()
class QuietFilter implements ExceptionFilter {
  catch(_exception: unknown, _host: ArgumentsHost) {
    return throwError(() => ({ status: 'error', message: 'handled by QuietFilter' }));
  }
}

/** Runs one failing handler on the in-memory transport; returns the captured log and the settlement. */
async function failOnce(options: { ackModule: boolean; throws: (marker: string) => unknown; quietFilter?: boolean }) {
  const marker = `failure-${randomBytes(4).toString('hex')}`;
  @Controller()
  class FailingController {
    @EventPattern('order.created')
    created(): void {
      throw options.throws(marker);
    }
  }
  if (options.quietFilter) UseFilters(QuietFilter)(FailingController);
  const imports: DynamicModule[] = options.ackModule ? [AckModule.forRoot()] : [];
  @Module({ imports, controllers: [FailingController] })
  class AppModule {}

  const broker = new InMemoryBroker();
  const server = new InMemoryAckServer({ broker, queue: 'orders' });
  const logger = new CaptureLogger();
  const app = await NestFactory.createMicroservice(AppModule, { strategy: server, logger });
  try {
    await app.listen();
    const settled = new Promise<SettlementEvent>((resolve) => server.on('settled', resolve));
    new InMemoryAckClient({ broker, queue: 'orders' }).emit('order.created', { id: 'o-1' }).subscribe();
    return { marker, logger, event: await settled, deadLetters: broker.state('orders').deadLetters };
  } finally {
    await app.close();
  }
}

/** The one line about the failure: it names the error, says its message and carries its stack. */
function assertOneLine(logger: CaptureLogger, marker: string, errorName: string): string {
  const lines = logger.mentioning(marker);
  assert.equal(lines.length, 1, `one line about the failure, got ${lines.length}:\n${lines.map((l) => `[${l.level}] ${l.text}`).join('\n---\n')}`);
  assert.equal(lines[0].level, 'error');
  assert.match(lines[0].text, new RegExp(`${errorName}: ${marker}`), 'the original name and message');
  assert.match(lines[0].text, /\n\s+at .*failure-log\.test\.js/, 'the original stack');
  assert.equal(logger.lines.filter((l) => l.level === 'error' || l.level === 'fatal').length, 1, 'no other error line');
  assert.equal(logger.mentioning('Internal server error').filter((l) => l.level === 'error').length, 0, "never Nest's replacement answer");
  return lines[0].text;
}

describe('one log line per failed handler (in-memory transport)', () => {
  it('with AckModule: one line, Nest\'s RpcExceptionsHandler with the original error; the dead letter keeps it too', async () => {
    const { marker, logger, event, deadLetters } = await failOnce({ ackModule: true, throws: (m) => new TypeError(m) });
    assert.match(assertOneLine(logger, marker, 'TypeError'), /RpcExceptionsHandler/);
    assert.equal(event.settlement.kind, 'reject');
    assert.equal(deadLetters[0].errorName, 'TypeError');
    assert.equal(deadLetters[0].errorMessage, marker);
  });

  it('without AckModule: the same one line (Nest logs the error before it answers "Internal server error")', async () => {
    const { marker, logger, event } = await failOnce({ ackModule: false, throws: (m) => new TypeError(m) });
    assert.match(assertOneLine(logger, marker, 'TypeError'), /RpcExceptionsHandler/);
    assert.equal(event.settlement.kind, 'reject');
    assert.equal(logger.mentioning('AckModule is not imported').length, 1, 'the start-up warning says what is missing');
  });

  it('an RpcException (which Nest answers without logging): one line, the server\'s, with the policy, pattern and stack', async () => {
    const { marker, logger } = await failOnce({ ackModule: true, throws: (m) => new RpcException(m) });
    const line = assertOneLine(logger, marker, 'Error');
    assert.match(line, /REJECT_ON_ERROR handler for "order\.created" at .* failed: Error: /);
  });

  it("a user's filter that answers without logging: one line, the server's, with the error as thrown (AckModule)", async () => {
    const { marker, logger, deadLetters } = await failOnce({ ackModule: true, throws: (m) => new RangeError(m), quietFilter: true });
    const line = assertOneLine(logger, marker, 'RangeError');
    assert.match(line, /handler for "order\.created" at .* failed: RangeError: /);
    assert.equal(deadLetters[0].errorName, 'RangeError');
  });

  it('a control exception is a decision, not a failure: no error line', async () => {
    const { marker, logger, event } = await failOnce({ ackModule: true, throws: (m) => new RejectMessage({ reason: m }) });
    assert.equal(event.settlement.kind, 'reject');
    assert.equal(logger.mentioning(marker).filter((l) => l.level === 'error').length, 0);
    assert.equal(logger.lines.filter((l) => l.level === 'error').length, 0);
  });
});
