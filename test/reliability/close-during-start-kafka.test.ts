import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { NestFactory } from '@nestjs/core';
import { firstValueFrom } from 'rxjs';
import { KafkaAckServer } from '../../lib/kafka';
import { closeSharedAdmin, createTopic, deleteTopicsAndGroups, groupMembers, KAFKA_BROKERS, sharedAdmin, testClient, testKafka } from '../support/kafka-broker';
import { FAST_KAFKA } from '../conformance/adapters/kafka';
import { handlerModule, startKafkaApp } from '../support/kafka-test-app';
import { uniqueName } from '../support/names';
import { testLogLevels } from '../conformance/adapters/rabbitmq';
import { waitFor } from '../support/wait-for';

const DELAYS_MS = [0, 10, 50, 200, 400];
const client = testClient('close-during-start-test');
after(async () => {
  await client.close();
  await closeSharedAdmin();
});

async function groupState(groupId: string): Promise<string | undefined> {
  const admin = await sharedAdmin();
  const { groups } = await admin.describeGroups([groupId]);
  return groups[0]?.state;
}

/** Resolves with how `promise` ended, or 'pending' after `ms`. */
function outcome(promise: Promise<unknown>, ms: number): Promise<'resolved' | 'rejected' | 'pending'> {
  let timer: NodeJS.Timeout;
  const pending = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)));
  return Promise.race([promise.then(() => 'resolved' as const, () => 'rejected' as const), pending]).finally(() => clearTimeout(timer));
}

/**
 * A plain kafkajs member of the group that rejoins only on its heartbeat (every
 * 3 s): each server joining the group then waits for that rebalance, so a
 * close a few hundred ms into `listen()` lands while the consumer joins.
 */
async function slowMember(groupId: string, topic: string): Promise<{ stop: () => Promise<void> }> {
  const consumer = testKafka('close-during-start-member').consumer({ groupId, heartbeatInterval: 3000, sessionTimeout: 30_000, rebalanceTimeout: 30_000, maxWaitTimeInMs: 100 });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic] });
  await consumer.run({ eachMessage: async () => undefined });
  await joined;
  return { stop: () => consumer.disconnect() };
}

describe('Kafka: app.close() while app.listen() is under way', { timeout: 180_000 }, () => {
  it(`settles listen() and leaves no group member, at ${DELAYS_MS.join(', ')} ms (joining a busy group); a fresh server then gets the partition`, async () => {
    const topic = uniqueName('closestart');
    const groupId = uniqueName('g');
    const handled: unknown[] = [];
    await createTopic(topic);
    const member = await slowMember(groupId, topic);
    let memberStopped = false;
    try {
      const outcomes: string[] = [];
      for (const delayMs of DELAYS_MS) {
        await waitFor(async () => (await groupState(groupId)) === 'Stable', { timeoutMs: 20_000, message: 'the group is stable before the next start' });
        // createTopics: the admin steps of the start are part of what a close interrupts.
        const server = new KafkaAckServer({ ...FAST_KAFKA, brokers: KAFKA_BROKERS, groupId, createTopics: true, fromBeginning: true });
        const app = await NestFactory.createMicroservice(handlerModule(topic, (data) => void handled.push(data)), { strategy: server, logger: testLogLevels });
        const listening = app.listen();
        await new Promise((resolve) => setTimeout(resolve, delayMs)); // the delay under test, not a wait for a result
        await app.close();
        const listen = await outcome(listening, 10_000);
        outcomes.push(listen);
        assert.notEqual(listen, 'pending', `listen() settles after a close ${delayMs} ms into it`);
        assert.equal(await groupMembers(groupId), 1, `only the slow member is left in the group after a close ${delayMs} ms into listen() (listen ${listen})`);
        assert.equal(server.unwrap<{ consumer?: unknown }>().consumer, undefined, 'the consumer is closed and released');
      }
      // The join waits for the slow member's rebalance: most closes above land during the start (a cancelled start rejects listen()).
      assert.ok(outcomes.filter((o) => o === 'rejected').length >= 3, `closes during the start: ${outcomes.join(', ')}`);
      await member.stop();
      memberStopped = true;
      assert.equal(await groupMembers(groupId), 0, 'no member of the closed servers joined late');
      // A consumer left behind would hold the topic's only partition (and show as a member): the fresh server would starve.
      const { app } = await startKafkaApp(handlerModule(topic, (data) => void handled.push(data)), { groupId });
      try {
        assert.equal(await groupMembers(groupId), 1, 'only the fresh server is in the group');
        await firstValueFrom(client.emit(topic, { n: 1 }), { defaultValue: undefined });
        await waitFor(() => handled.length === 1, { timeoutMs: 15_000, message: 'the fresh server handles a new message' });
        assert.deepEqual(handled, [{ n: 1 }]);
      } finally {
        await app.close();
      }
      assert.equal(await groupMembers(groupId), 0);
    } finally {
      if (!memberStopped) await member.stop().catch(() => undefined);
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });

  it('a process closing servers during their start exits by itself', async () => {
    const topic = uniqueName('closestart');
    const groupId = uniqueName('g');
    await createTopic(topic);
    try {
      const child = spawn(process.execPath, [join(__dirname, '../support/kafka-close-child.js')], {
        env: { ...process.env, TOPIC: topic, GROUP_ID: groupId, DELAYS_MS: DELAYS_MS.join(','), KAFKAJS_NO_PARTITIONER_WARNING: '1' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const result = await outcome(exited, 60_000);
      if (result === 'pending') child.kill('SIGKILL');
      assert.equal(result, 'resolved', `the child exits by itself (output so far: ${output.trim()})`);
      assert.equal(await exited, 0, output);
      const lines = output.trim().split('\n').map((line) => JSON.parse(line));
      assert.deepEqual(lines.map((line) => line.delayMs), DELAYS_MS, output);
      for (const line of lines) assert.notEqual(line.listen, 'pending', `listen() settled: ${JSON.stringify(line)}`);
      assert.equal(await groupMembers(groupId), 0);
    } finally {
      await deleteTopicsAndGroups([topic, `${topic}.dlt`], [groupId]);
    }
  });
});
