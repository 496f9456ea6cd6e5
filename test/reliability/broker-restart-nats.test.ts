import 'reflect-metadata';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterEach, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../lib/module';
import { brokerUrls } from '../support/broker-urls';
import { startNatsApp, type NatsTestApp } from '../support/nats-app';
import { consumerInfo, natsDeadLetters, outstandingOf } from '../support/nats-broker';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

const run = promisify(execFile);
const SUBJECT = uniqueName('restart');

const stream = {
  processed: new Set<number>(),
  handled: 0,
  /** Handlers of ids past FIRST_OPEN wait here, so deliveries are in flight when the server dies. */
  gate: Promise.resolve(),
  open: () => {},
  waiting: 0,
};
const FIRST_OPEN = 50;
const TOTAL = 400;
const CONCURRENCY = 5;

@Controller()
class StreamController {
  @EventPattern(SUBJECT)
  async handle(@Payload() item: { id: number }) {
    if (item.id > FIRST_OPEN) {
      stream.waiting++;
      await stream.gate;
      stream.waiting--;
    }
    await delay(1);
    stream.processed.add(item.id);
    stream.handled++;
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [StreamController] })
class StreamModule {}

/** The pid of the nats-server listening on the tested port (other, private ones may run beside it). */
async function natsServerPid(): Promise<number> {
  const port = new URL(brokerUrls.nats).port || '4222';
  const { stdout } = await run('ss', ['-ltnpH', `sport = :${port}`]);
  const pids = [...new Set([...stdout.matchAll(/"nats-server",pid=(\d+)/g)].map((match) => Number(match[1])))];
  assert.equal(pids.length, 1, `exactly one nats-server listens on port ${port} (found ${pids.join(', ') || 'none'})`);
  return pids[0];
}

/** Starts nats-server again with the project's services script (it starts what does not answer). */
async function startNatsServer(): Promise<void> {
  await run('bash', ['scripts/services.sh', 'nats'], { timeout: 60_000 });
}

async function publishRange(target: NatsTestApp, from: number, to: number): Promise<void> {
  for (let id = from; id <= to; id++) await firstValueFrom(target.client.emit(SUBJECT, { id }), { defaultValue: undefined });
}

describe('nats-server restarted mid-stream', () => {
  let target: NatsTestApp | undefined;

  afterEach(async () => {
    // Always leave the server running for the next test, whatever happened.
    await startNatsServer().catch(() => undefined);
    await target?.close();
    target = undefined;
  });

  it('killed and restarted (services script): everything published before and after is processed, nothing lost', { timeout: 180_000 }, async () => {
    stream.gate = new Promise<void>((resolve) => (stream.open = resolve));
    target = await startNatsApp(StreamModule, { concurrency: CONCURRENCY, ackWaitMs: 5000 }, 'restart');
    await publishRange(target, 1, TOTAL / 2);
    await waitFor(() => stream.handled >= FIRST_OPEN && stream.waiting === CONCURRENCY, { timeoutMs: 30_000, message: `${FIRST_OPEN} handled and ${CONCURRENCY} in flight` });
    const pid = await natsServerPid();
    let secondHalf: Promise<void> | undefined;
    try {
      process.kill(pid, 'SIGKILL');
      await waitFor(() => target!.events.includes('disconnected'), { timeoutMs: 30_000, message: 'the server saw the disconnect' });
      await waitFor(() => target!.events.includes('reconnecting'), { timeoutMs: 30_000, message: 'the server reports reconnecting' });
      secondHalf = publishRange(target, TOTAL / 2 + 1, TOTAL); // waits for the server, retrying
      stream.open(); // the in-flight handlers finish while the server is down
    } finally {
      await startNatsServer();
    }
    await secondHalf;
    await waitFor(() => stream.processed.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${stream.processed.size})` });
    assert.ok(stream.handled >= TOTAL, 'at-least-once: duplicates allowed, never fewer');
    await waitFor(async () => {
      const plan = target!.server.consumerPlans[0];
      return outstandingOf(await consumerInfo(target!.admin, target!.stream, plan.name)) === 0;
    }, { timeoutMs: 30_000, message: 'nothing pending nor unacked on the consumer' });
    const info = await target.admin.jsm.streams.info(target.stream);
    assert.equal(info.state.messages, TOTAL, 'the stream stored every message once (retried publishes deduplicated)');
    assert.deepEqual(await natsDeadLetters(target.admin, target.deadLetterStream, target.deadLetterPrefix, SUBJECT), [], 'nothing dead-lettered');
    await waitFor(() => target!.events.at(-1) === 'connected', { timeoutMs: 30_000, message: 'connected again' });
    const order = target.events.filter((event, i, all) => event !== all[i - 1]);
    assert.deepEqual(order.slice(-3), ['disconnected', 'reconnecting', 'connected'], `status events in order: ${target.events.join(', ')}`);
  });

  it('close() while nats-server is down finishes (it does not wait for the server to come back)', { timeout: 60_000 }, async () => {
    stream.gate = Promise.resolve();
    target = await startNatsApp(StreamModule, { shutdownTimeoutMs: 500 }, 'downclose');
    await publishRange(target, 1, 5);
    await waitFor(() => stream.handled >= 5, { message: 'five handled' });
    const pid = await natsServerPid();
    try {
      process.kill(pid, 'SIGKILL');
      await waitFor(() => target!.events.includes('disconnected'), { timeoutMs: 30_000, message: 'the server saw the disconnect' });
      const started = Date.now();
      await target.app.close();
      const took = Date.now() - started;
      assert.ok(took < 10_000, `close() took ${took} ms while the server was down`);
    } finally {
      await startNatsServer();
    }
  });
});
