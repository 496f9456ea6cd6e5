import 'reflect-metadata';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import { NatsAckClient, NatsAckServer } from '../../../lib/nats';
import { downThenUp, HEALTH_KEY, startHealthApp, type HealthApp } from '../../support/health-app';
import { consumerInfo, deleteStreams, NATS_URL, natsAdmin, uniqueStream, type NatsAdmin } from '../../support/nats-broker';
import { uniqueName } from '../../support/names';
import { PrivateServer } from '../../support/private-server';
import { waitFor } from '../../support/wait-for';

describe('AckHealthIndicator on NATS JetStream (shared server)', { timeout: 60_000 }, () => {
  const stream = uniqueStream('health');
  const subject = uniqueName('health');
  let admin: NatsAdmin;
  let server: NatsAckServer;
  let health: HealthApp;
  let client: NatsAckClient;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));

  before(async () => {
    admin = await natsAdmin();
    server = new NatsAckServer({ servers: NATS_URL, stream, ensureStream: true, concurrency: 1, batchSize: 1, ackWaitMs: 30_000, deadLetter: false });
    health = await startHealthApp(server, [subject], { handler: () => gate });
    client = new NatsAckClient({ servers: NATS_URL });
    await client.connect();
  });

  after(async () => {
    release();
    await health?.close().catch(() => undefined);
    await client?.close().catch(() => undefined);
    await deleteStreams(admin, stream);
    await admin?.nc.close();
  });

  it('reports up with num_pending and num_ack_pending as the server counts them', async () => {
    for (let i = 0; i < 5; i++) await lastValueFrom(client.emit(subject, { i }));
    const [plan] = server.consumerPlans;
    // The handler holds the first delivery: the counts settle, then the check and the server's consumer info agree.
    const answer = await waitFor(async () => {
      const info = await consumerInfo(admin, stream, plan.name);
      const a = await health.check();
      const reported = (a.details[HEALTH_KEY]?.consumers as Array<{ pending: number; ackPending: number }> | undefined)?.[0];
      return info.num_pending + info.num_ack_pending === 5 && reported?.pending === info.num_pending && reported.ackPending === info.num_ack_pending ? a : false;
    }, { timeoutMs: 20_000, message: 'the check reporting the consumer info' });
    if (!answer) throw new Error('unreachable');
    const details = answer.details[HEALTH_KEY];
    assert.equal(answer.status, 'ok');
    assert.deepEqual(
      { status: details.status, transport: details.transport, state: details.state, connected: details.connected, consuming: details.consuming, stream: details.stream },
      { status: 'up', transport: 'nats', state: 'connected', connected: true, consuming: true, stream },
    );
    const [consumer] = details.consumers as Array<{ name: string; pending: number; ackPending: number }>;
    assert.equal(consumer.name, plan.name);
    assert.equal(details.backlog, consumer.pending);
    release();
    await waitFor(async () => {
      const [c] = (await health.check()).details[HEALTH_KEY]?.consumers as Array<{ pending: number; ackPending: number }>;
      return c.pending === 0 && c.ackPending === 0;
    }, { timeoutMs: 20_000, message: 'nothing pending once the handler is released' });
  });
});

describe('AckHealthIndicator on NATS JetStream (private server, killed and restarted)', { timeout: 120_000 }, () => {
  const storeDir = mkdtempSync(join(tmpdir(), 'nestjs-ack-health-nats-'));
  const port = 24822;
  const nats = new PrivateServer('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], port);
  const stream = uniqueStream('health');
  const subject = uniqueName('health');
  let health: HealthApp;

  before(async () => {
    await nats.start();
    const server = new NatsAckServer({ servers: `nats://127.0.0.1:${port}`, stream, ensureStream: true, deadLetter: false, connectionOptions: { reconnectTimeWait: 200 } });
    health = await startHealthApp(server, [subject]);
  });

  after(async () => {
    await health?.close().catch(() => undefined);
    await nats.kill();
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('reports down within 5 s of the server stop, and up after it returns', async () => {
    const { up } = await downThenUp(health, { label: 'NATS', stop: () => nats.kill(), start: () => nats.start() });
    const details = up.details[HEALTH_KEY];
    assert.deepEqual(
      { status: details.status, state: details.state, connected: details.connected, consuming: details.consuming, backlog: details.backlog },
      { status: 'up', state: 'connected', connected: true, consuming: true, backlog: 0 },
    );
  });
});
