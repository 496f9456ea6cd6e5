import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import { RabbitAckClient, RabbitAckServer } from '../../../lib/rabbitmq';
import { downThenUp, HEALTH_KEY, startHealthApp, type HealthApp } from '../../support/health-app';
import { uniqueName } from '../../support/names';
import { PrivateCluster } from '../../support/private-cluster';
import { waitFor } from '../../support/wait-for';

// A RabbitMQ node of this file's own (AMQP port 5821, Erlang distribution 25821): killing it never disturbs the shared broker.
const cluster = new PrivateCluster('rabbitmq', { CLUSTER_NAME: 'healthr', RABBIT_PORT_BASE: '5821' });
const FAST_RECONNECT = { initialDelayMs: 100, maxDelayMs: 500 };

describe('AckHealthIndicator on RabbitMQ (private node, killed and revived)', { timeout: 600_000 }, () => {
  const queue = uniqueName('health');
  let server: RabbitAckServer;
  let health: HealthApp;
  let client: RabbitAckClient;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));

  before(async () => {
    await cluster.start();
    // A classic queue: this file tests the indicator. A lone node killed with SIGKILL recovers a quorum queue
    // before it answers its declaration again, which took from 50 s to over 150 s here (the server's set-up
    // attempts time out after 10 s each meanwhile, and it reconnects once the queue answers).
    server = new RabbitAckServer({ urls: cluster.address, queue, queueType: 'classic', prefetch: 1, concurrency: 1, reconnect: FAST_RECONNECT });
    // The handler waits for the gate: with prefetch 1, every other message stays ready in the queue.
    health = await startHealthApp(server, ['order.created'], { handler: () => gate });
    client = new RabbitAckClient({ urls: cluster.address, queue, reconnect: FAST_RECONNECT });
    await client.connect();
  });

  after(async () => {
    release();
    await health?.close().catch(() => undefined);
    await client?.close().catch(() => undefined);
    await cluster.stop();
  });

  it('reports up with the queue depth the broker counts', async () => {
    for (let i = 0; i < 5; i++) await lastValueFrom(client.emit('order.created', { i }));
    // One delivered (unacked, held by the handler), four ready: checkQueue counts the ready ones.
    const answer = await waitFor(async () => {
      const a = await health.check();
      return a.details[HEALTH_KEY]?.backlog === 4 ? a : false;
    }, { timeoutMs: 20_000, message: 'backlog 4' });
    if (!answer) throw new Error('unreachable');
    assert.equal(answer.status, 'ok');
    assert.deepEqual(answer.details[HEALTH_KEY], {
      status: 'up',
      transport: 'rabbitmq',
      state: 'connected',
      connected: true,
      consuming: true,
      backlog: 4,
      queue,
      ready: 4,
      consumers: 1,
    });
    release();
    await waitFor(async () => (await health.check()).details[HEALTH_KEY]?.backlog === 0, { timeoutMs: 20_000, message: 'backlog 0 once the handler is released' });
  });

  it('reports down within 5 s of the broker stop, and up after it returns', async () => {
    const { down, up } = await downThenUp(health, { label: 'RabbitMQ', stop: () => cluster.kill(), start: () => cluster.revive() });
    const state = down.error?.[HEALTH_KEY]?.state;
    assert.ok(state === 'disconnected' || state === 'reconnecting', `state ${state}`);
    assert.equal(up.details[HEALTH_KEY].consuming, true);
    // An ack still on the wire at the kill is lost: that message comes back once, then the queue is empty again.
    const drained = await waitFor(async () => {
      const a = await health.check();
      return a.status === 'ok' && a.details[HEALTH_KEY].backlog === 0 ? a : false;
    }, { timeoutMs: 20_000, message: 'an empty queue after the revive' });
    if (!drained) throw new Error('unreachable');
    assert.deepEqual(drained.details[HEALTH_KEY], {
      status: 'up',
      transport: 'rabbitmq',
      state: 'connected',
      connected: true,
      consuming: true,
      backlog: 0,
      queue,
      ready: 0,
      consumers: 1,
    });
  });
});
