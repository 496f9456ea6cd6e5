import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import type { AckHealthTarget } from '../../../lib/health';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import { HEALTH_KEY, startHealthApp, type HealthApp } from '../../support/health-app';
import { waitFor } from '../../support/wait-for';

// Runs on every Nest major with the terminus it is tested with (scripts/nest-majors.sh): terminus 10
// only sees a down thrown as HealthCheckError, 12 only a returned one; both must give a 503 with details.
describe('AckHealthIndicator through terminus (in-memory transport)', () => {
  const broker = new InMemoryBroker();
  const server = new InMemoryAckServer({ broker, queue: 'health-orders' });
  let health: HealthApp;

  before(async () => {
    health = await startHealthApp(server, ['order.created']);
  });
  after(async () => {
    await health.close();
  });

  it('reports up with connected, consuming and the queue depth', async () => {
    const answer = await health.check();
    assert.equal(answer.status, 'ok');
    assert.deepEqual(answer.details[HEALTH_KEY], {
      status: 'up',
      transport: 'in-memory',
      state: 'connected',
      connected: true,
      consuming: true,
      backlog: 0,
      queue: 'health-orders',
      ready: 0,
    });
  });

  it('reports the backlog and is down above maxBacklog', async () => {
    const idle = new InMemoryAckServer({ broker, queue: 'health-waiting' }); // never started: nobody consumes
    const client = new InMemoryAckClient({ broker, queue: 'health-waiting' });
    for (let i = 0; i < 3; i++) await lastValueFrom(client.emit('order.created', { i }));
    client.close();
    assert.equal(broker.state('health-waiting').ready, 3);
    const answer = await health.check({ maxBacklog: 2, requireConsuming: false }, idle);
    assert.equal(answer.status, 'error');
    assert.equal(answer.error?.[HEALTH_KEY].status, 'down');
    assert.equal(answer.error?.[HEALTH_KEY].backlog, 3);
    assert.equal(answer.error?.[HEALTH_KEY].error, 'backlog 3 is above maxBacklog 2');
    const within = await health.check({ maxBacklog: 3, requireConsuming: false }, idle);
    assert.equal(within.status, 'ok');
    const notConsuming = await health.check({}, idle);
    assert.equal(notConsuming.status, 'error');
    assert.equal(notConsuming.details[HEALTH_KEY].consuming, false);
    assert.equal(notConsuming.details[HEALTH_KEY].error, 'the consumer is not receiving');
  });

  it('reports down when the broker does not answer within timeoutMs, and the probe is not stacked', async () => {
    let probes = 0;
    const hung: AckHealthTarget = { currentStatus: 'connected', probeHealth: () => (probes++, new Promise(() => undefined)) };
    const [first, second] = await Promise.all([health.check({ timeoutMs: 150 }, hung), health.check({ timeoutMs: 150 }, hung)]);
    for (const answer of [first, second]) {
      assert.equal(answer.status, 'error');
      assert.deepEqual(answer.error?.[HEALTH_KEY], { status: 'down', state: 'connected', connected: false, error: 'nestjs-ack: no answer from the broker within 150 ms' });
    }
    assert.equal(probes, 1, 'two checks at once share one probe');
  });

  it('reports a failed probe as down with its message, without the credentials of a URL in it', async () => {
    const leaky: AckHealthTarget = { currentStatus: 'connecting', probeHealth: async () => Promise.reject(new Error('cannot reach amqp://orders:s3cret@rabbit.internal:5672/')) };
    assert.equal((await health.check({}, leaky)).error?.[HEALTH_KEY].error, 'cannot reach amqp://rabbit.internal:5672/');
    const failing: AckHealthTarget = { currentStatus: 'reconnecting', probeHealth: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')) };
    const answer = await health.check({}, failing);
    assert.deepEqual(answer.error?.[HEALTH_KEY], { status: 'down', state: 'reconnecting', connected: false, error: 'connect ECONNREFUSED 127.0.0.1:1' });
  });

  it('reports down once the server closed', async () => {
    await server.close();
    const answer = await waitFor(async () => {
      const a = await health.check();
      return a.status === 'error' ? a : false;
    }, { message: 'a down check after close' });
    if (!answer) throw new Error('unreachable: waitFor returns a truthy value');
    assert.equal(answer.error?.[HEALTH_KEY].state, 'closed');
    assert.equal(answer.error?.[HEALTH_KEY].consuming, false);
  });
});
