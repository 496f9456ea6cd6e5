import 'reflect-metadata';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import { RabbitAckClient } from '../../lib/rabbitmq';
import { uniqueName } from '../support/names';
import { deleteRabbitTopology, queueDepth, RABBITMQ_URL } from '../support/rabbit-broker';
import { waitFor } from '../support/wait-for';

const TOTAL = 300;
const PREFETCH = 20; // the worker's in-flight window

interface Worker {
  process: ChildProcess;
  ready: Promise<void>;
}

function startWorker(queue: string, onProcessed: (id: number) => void): Worker {
  const child = spawn(process.execPath, [join(__dirname, '../support/rabbit-worker.js'), queue], { stdio: ['ignore', 'pipe', 'inherit'] });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line === 'ready') markReady();
    const match = /^processed (\d+)$/.exec(line);
    if (match) onProcessed(Number(match[1]));
  });
  return { process: child, ready };
}

describe('a RabbitMQ consumer killed with SIGKILL mid-stream', () => {
  const queue = uniqueName('kill');
  const workers: Worker[] = [];
  const client = new RabbitAckClient({ urls: RABBITMQ_URL, queue });
  after(async () => {
    for (const worker of workers) worker.process.kill('SIGKILL');
    await client.close();
    await deleteRabbitTopology(queue);
  });

  it('loses nothing; duplicates stay within the prefetch window', { timeout: 120_000 }, async () => {
    const seen = new Set<number>();
    let handled = 0;
    const onProcessed = (id: number) => {
      seen.add(id);
      handled++;
    };
    const first = startWorker(queue, onProcessed);
    workers.push(first);
    await first.ready;
    const publishing = (async () => {
      for (let id = 1; id <= TOTAL; id++) await firstValueFrom(client.emit('kill.item', { id }), { defaultValue: undefined });
    })();
    await waitFor(() => handled >= 80, { timeoutMs: 30_000, message: '80 handled before the kill' });
    const exited = new Promise((resolve) => first.process.once('exit', resolve));
    first.process.kill('SIGKILL');
    await exited;
    const handledByFirst = handled;
    const second = startWorker(queue, onProcessed);
    workers.push(second);
    await second.ready;
    await publishing;
    await waitFor(() => seen.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${seen.size})` });
    await waitFor(async () => {
      const depth = await queueDepth(queue);
      return depth?.ready === 0 && depth.unacked === 0;
    }, { timeoutMs: 30_000, message: 'queue depth 0' });
    assert.ok(handledByFirst < TOTAL, 'the kill happened mid-stream');
    assert.ok(handled - TOTAL <= PREFETCH, `duplicates ${handled - TOTAL} within the prefetch window ${PREFETCH}`);
  });
});
