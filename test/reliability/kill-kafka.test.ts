import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { closeSharedAdmin, createTopic, deleteTopicsAndGroups, partitionOffsets, testClient } from '../support/kafka-broker';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

const client = testClient('kill-kafka-test');
after(async () => {
  await client.close();
  await closeSharedAdmin();
});

interface Child {
  process: ChildProcess;
  handled: number;
  ready: Promise<void>;
}

function startConsumer(topic: string, groupId: string, processed: Map<number, number>, env: Record<string, string> = {}): Child {
  const child = fork(join(__dirname, '../support/kafka-consumer-child.js'), [], {
    env: { ...process.env, TOPIC: topic, GROUP_ID: groupId, HANDLER_DELAY_MS: '10', KAFKAJS_NO_PARTITIONER_WARNING: '1', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const state: Child = { process: child, handled: 0, ready: undefined as unknown as Promise<void> };
  state.ready = new Promise((resolve, reject) => {
    child.on('message', (message: { type: string; id?: number; message?: string }) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'error') reject(new Error(`consumer failed to start: ${message.message}`));
      else if (message.type === 'handled') {
        state.handled++;
        processed.set(message.id!, (processed.get(message.id!) ?? 0) + 1);
      }
    });
    child.once('exit', (code) => reject(new Error(`consumer exited with ${code}`)));
  });
  return state;
}

/** Produces `{ id }` values 0..total-1, twenty to a batch, each batch acknowledged by all replicas. */
async function produceIds(topic: string, total: number): Promise<void> {
  for (let start = 0; start < total; start += 20) {
    await Promise.all(Array.from({ length: 20 }, (_, k) => client.produce(topic, { value: JSON.stringify({ id: start + k }) })));
  }
}

describe('Kafka consumer process stopped mid-stream', { timeout: 120_000 }, () => {
  it('two consumers in one group, one killed mid-stream, 5% of first deliveries nacked: every message processed, none lost, commits reach the end', async () => {
    const topic = uniqueName('kill');
    const groupId = uniqueName('g');
    await createTopic(topic, 4);
    const processed = new Map<number, number>();
    const nacking = { POLICY: 'NACK_ON_ERROR', FAIL_FIRST_RATE: '0.05' };
    const a = startConsumer(topic, groupId, processed, nacking);
    const b = startConsumer(topic, groupId, processed, nacking);
    try {
      await Promise.all([a.ready, b.ready]);
      const total = 800;
      await produceIds(topic, total);
      await waitFor(() => a.handled >= 50 && b.handled >= 50, { timeoutMs: 30_000, message: 'both consumers handling' });
      assert.ok(processed.size < total, 'killed mid-stream');
      a.process.kill('SIGKILL');
      const handledByAAtKill = a.handled;
      // The survivor gets the dead member's partitions after its session timeout (6 s) and
      // reads them from their last commit.
      await waitFor(() => processed.size === total, { timeoutMs: 60_000, intervalMs: 100, message: `all ${total} ids processed (have ${processed.size})` });
      await waitFor(async () => (await partitionOffsets(topic, groupId)).every((p) => p.committed === p.high), { timeoutMs: 30_000, message: 'committed offsets at the end of every partition' });
      const duplicates = [...processed.values()].filter((count) => count > 1).length;
      assert.ok(handledByAAtKill > 0 && b.handled > 0);
      // At-least-once: duplicates only from the killed consumer's uncommitted window.
      assert.ok(duplicates <= 200, `duplicates bounded by the in-flight and commit window (${duplicates})`);
    } finally {
      a.process.kill('SIGKILL');
      b.process.kill('SIGTERM');
      await waitFor(() => b.process.exitCode !== null || b.process.signalCode !== null, { timeoutMs: 15_000 }).catch(() => b.process.kill('SIGKILL'));
      await deleteTopicsAndGroups([topic], [groupId]);
    }
  });

  it('two consumers in one group, one closed with SIGTERM mid-stream: every message processed exactly once', async () => {
    const topic = uniqueName('term');
    const groupId = uniqueName('g');
    await createTopic(topic, 4);
    const processed = new Map<number, number>();
    const a = startConsumer(topic, groupId, processed);
    const b = startConsumer(topic, groupId, processed);
    try {
      await Promise.all([a.ready, b.ready]);
      const total = 800;
      await produceIds(topic, total);
      await waitFor(() => a.handled >= 50 && b.handled >= 50, { timeoutMs: 30_000, message: 'both consumers handling' });
      assert.ok(processed.size < total, 'closed mid-stream');
      const exited = new Promise<number | null>((resolve) => a.process.once('exit', (code) => resolve(code)));
      a.process.kill('SIGTERM');
      assert.equal(await exited, 0, 'graceful close finished');
      await waitFor(() => processed.size === total, { timeoutMs: 60_000, intervalMs: 100, message: `all ${total} ids processed (have ${processed.size})` });
      await waitFor(async () => (await partitionOffsets(topic, groupId)).every((p) => p.committed === p.high), { timeoutMs: 30_000, message: 'committed offsets at the end of every partition' });
      const duplicates = [...processed.entries()].filter(([, count]) => count > 1).map(([id]) => id);
      assert.deepEqual(duplicates, [], 'a graceful close commits what it settled: nothing is handled twice');
    } finally {
      a.process.kill('SIGKILL');
      b.process.kill('SIGTERM');
      await waitFor(() => b.process.exitCode !== null || b.process.signalCode !== null, { timeoutMs: 15_000 }).catch(() => b.process.kill('SIGKILL'));
      await deleteTopicsAndGroups([topic], [groupId]);
    }
  });
});
