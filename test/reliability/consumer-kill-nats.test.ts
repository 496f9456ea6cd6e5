import 'reflect-metadata';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_CONSUMER, NatsAckClient } from '../../lib/nats';
import { consumerInfo, deleteStreams, NATS_URL, natsAdmin, outstandingOf, uniqueStream, type NatsAdmin } from '../support/nats-broker';
import { NATS_WORKER_BATCH } from '../support/nats-worker';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

const TOTAL = 300;

interface Worker {
  process: ChildProcess;
  ready: Promise<void>;
}

function startWorker(stream: string, subject: string, onProcessed: (id: number) => void): Worker {
  const child = spawn(process.execPath, [join(__dirname, '../support/nats-worker.js'), stream, subject], { stdio: ['ignore', 'pipe', 'inherit'] });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line === 'ready') markReady();
    const match = /^processed (\d+)$/.exec(line);
    if (match) onProcessed(Number(match[1]));
  });
  return { process: child, ready };
}

describe('a NATS consumer killed with SIGKILL mid-stream', () => {
  const stream = uniqueStream('kill');
  const subject = uniqueName('kill');
  const workers: Worker[] = [];
  const client = new NatsAckClient({ servers: NATS_URL });
  let admin: NatsAdmin;
  before(async () => {
    admin = await natsAdmin();
    await admin.jsm.streams.add({ name: stream, subjects: [subject] });
    await admin.jsm.streams.add({ name: `${stream}_DLQ`, subjects: [`dead-letter.${stream}.>`] });
  });
  after(async () => {
    for (const worker of workers) worker.process.kill('SIGKILL');
    await client.close();
    await deleteStreams(admin, stream, `${stream}_DLQ`);
    await admin.nc.close();
  });

  it('loses nothing; duplicates stay within the pull window, redelivered after ack_wait', { timeout: 120_000 }, async () => {
    const seen = new Set<number>();
    let handled = 0;
    const onProcessed = (id: number) => {
      seen.add(id);
      handled++;
    };
    const first = startWorker(stream, subject, onProcessed);
    workers.push(first);
    await first.ready;
    const publishing = (async () => {
      for (let id = 1; id <= TOTAL; id++) await firstValueFrom(client.emit(subject, { id }), { defaultValue: undefined });
    })();
    await waitFor(() => handled >= 80, { timeoutMs: 30_000, message: '80 handled before the kill' });
    const exited = new Promise((resolve) => first.process.once('exit', resolve));
    first.process.kill('SIGKILL');
    await exited;
    const handledByFirst = handled;
    const second = startWorker(stream, subject, onProcessed);
    workers.push(second);
    await second.ready;
    await publishing;
    await waitFor(() => seen.size === TOTAL, { timeoutMs: 60_000, message: `all ${TOTAL} ids processed (have ${seen.size})` });
    await waitFor(async () => outstandingOf(await consumerInfo(admin, stream, DEFAULT_CONSUMER)) === 0, { timeoutMs: 30_000, message: 'nothing pending nor unacked' });
    assert.ok(handledByFirst < TOTAL, 'the kill happened mid-stream');
    assert.ok(handled - TOTAL <= NATS_WORKER_BATCH, `duplicates ${handled - TOTAL} within the pull window ${NATS_WORKER_BATCH}`);
  });
});
