import 'reflect-metadata';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import { RabbitAckClient } from '../../lib/rabbitmq';
import { uniqueName } from '../support/names';
import { deadLetterFields, deleteRabbitTopology, peekQueue, queueDepth, RABBITMQ_URL } from '../support/rabbit-broker';
import { waitFor } from '../support/wait-for';

const MAX_DELIVERIES = 3;

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  /** Resolves with the delivery count the handler saw just before the process killed itself. */
  crashed: Promise<number>;
}

function startWorker(queue: string, queueType: string): Worker {
  const child = spawn(process.execPath, [join(__dirname, '../support/rabbit-crash-worker.js'), queue, queueType, String(MAX_DELIVERIES)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let markReady: () => void = () => undefined;
  let crashedWith: number | undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line === 'ready') markReady();
    const match = /^crashing (\d+)$/.exec(line);
    if (match) crashedWith = Number(match[1]);
  });
  const crashed = once(child, 'exit').then(() => {
    if (crashedWith === undefined) throw new Error('the worker exited without reaching the handler');
    return crashedWith;
  });
  crashed.catch(() => undefined);
  return { child, ready, crashed };
}

for (const queueType of ['classic', 'quorum'] as const) {
  describe(`a message whose handler kills its process, on a RabbitMQ ${queueType} queue`, () => {
    const queue = uniqueName(`crash.${queueType}`);
    const workers: Worker[] = [];
    const client = new RabbitAckClient({ urls: RABBITMQ_URL, queue });
    after(async () => {
      for (const worker of workers) worker.child.kill('SIGKILL');
      await client.close();
      await deleteRabbitTopology(queue);
    });

    it(`ends in the dead-letter queue (max-deliveries) after ${MAX_DELIVERIES} crashes, before a handler runs it again`, { timeout: 120_000 }, async () => {
      const counts: number[] = [];
      let first = true;
      // One worker more than the crashes allowed: it must dead-letter the message instead of running it.
      for (let start = 1; start <= MAX_DELIVERIES + 1; start++) {
        const worker = startWorker(queue, queueType);
        workers.push(worker);
        // A worker may get the message (and die) before it prints `ready`.
        await Promise.race([worker.ready, worker.crashed.catch(() => undefined)]);
        if (first) {
          await firstValueFrom(client.emit('crash.item', { id: 1 }), { defaultValue: undefined });
          first = false;
        }
        if (start <= MAX_DELIVERIES) counts.push(await worker.crashed);
      }
      const dlq = `${queue}.dlq`;
      const [entry] = (await waitFor(async () => {
        const entries = await peekQueue(dlq);
        return entries.length > 0 ? entries : undefined;
      }, { timeoutMs: 30_000, message: 'the message in the dead-letter queue' }))!;
      let depth: Awaited<ReturnType<typeof queueDepth>>;
      await waitFor(async () => {
        depth = await queueDepth(queue);
        return depth?.ready === 0 && depth.unacked === 0;
      }, { timeoutMs: 20_000, message: 'the queue empty' }).catch((error: Error) => assert.fail(`${error.message}: ${JSON.stringify(depth)} (duplicates of the message?)`));
      const last = workers[workers.length - 1];
      assert.equal(last.child.exitCode, null, 'the last worker is alive: it did not run the handler');
      assert.deepEqual(counts, [1, 2, 3], 'the delivery count grows with every crash');
      assert.equal((await peekQueue(dlq)).length, 1, 'one dead letter');
      const dead = deadLetterFields(entry);
      assert.equal(dead.reason, 'max-deliveries');
      assert.equal(dead.deliveryCount, MAX_DELIVERIES);
      assert.equal(dead.source.queue, queue);
      assert.deepEqual(JSON.parse(dead.body.toString('utf8')).data, { id: 1 });
      assert.equal(entry.properties.headers?.['x-nestjs-ack-deliveries'], undefined, 'no count header on the dead letter');
    });
  });
}
