import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lastValueFrom } from 'rxjs';
import { RedisAckClient, RedisAckServer } from '../../../lib/redis';
import { downThenUp, HEALTH_KEY, startHealthApp, type HealthApp } from '../../support/health-app';
import { uniqueName } from '../../support/names';
import { PrivateServer } from '../../support/private-server';
import { closeRedisAdmin, deleteKeys, groupInfo, REDIS_URL } from '../../support/redis-broker';
import { waitFor } from '../../support/wait-for';

type StreamFigures = Array<{ stream: string; lag: number | null; pending: number }>;

describe('AckHealthIndicator on Redis Streams (shared server)', { timeout: 60_000 }, () => {
  const stream = uniqueName('health');
  const group = uniqueName('health-group');
  let health: HealthApp;
  let client: RedisAckClient;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));

  before(async () => {
    const server = new RedisAckServer({ connection: REDIS_URL, group, concurrency: 1, deadLetter: false });
    health = await startHealthApp(server, [stream], { handler: () => gate });
    client = new RedisAckClient({ connection: REDIS_URL });
  });

  after(async () => {
    release();
    await health?.close().catch(() => undefined);
    await client?.close();
    await deleteKeys([stream]);
    await closeRedisAdmin();
  });

  it('reports up with the group lag and pending count as XINFO GROUPS tells them', async () => {
    for (let i = 0; i < 5; i++) await lastValueFrom(client.emit(stream, { i }));
    // The handler holds its delivery: the counts settle, then the check and Redis agree.
    const answer = await waitFor(async () => {
      const info = await groupInfo(stream, group);
      const a = await health.check();
      const [figures] = a.details[HEALTH_KEY]?.streams as StreamFigures;
      return info && Number(info.lag) + Number(info.pending) === 5 && figures.lag === Number(info.lag) && figures.pending === Number(info.pending) ? a : false;
    }, { timeoutMs: 20_000, message: 'the check reporting XINFO GROUPS' });
    if (!answer) throw new Error('unreachable');
    const details = answer.details[HEALTH_KEY];
    assert.equal(answer.status, 'ok');
    assert.deepEqual(
      { status: details.status, transport: details.transport, state: details.state, connected: details.connected, consuming: details.consuming, group: details.group },
      { status: 'up', transport: 'redis', state: 'connected', connected: true, consuming: true, group },
    );
    const [figures] = details.streams as StreamFigures;
    assert.equal(figures.stream, stream);
    assert.ok(figures.pending >= 1, 'the held delivery is pending');
    assert.equal(details.backlog, figures.lag);
    release();
    await waitFor(async () => {
      const [f] = (await health.check()).details[HEALTH_KEY]?.streams as StreamFigures;
      return f.lag === 0 && f.pending === 0;
    }, { timeoutMs: 20_000, message: 'nothing waiting once the handler is released' });
  });
});

describe('AckHealthIndicator on Redis Streams (private server, killed and restarted)', { timeout: 120_000 }, () => {
  const port = 26821;
  const redis = new PrivateServer('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], port);
  const stream = uniqueName('health');
  let health: HealthApp;

  before(async () => {
    await redis.start();
    const server = new RedisAckServer({ connection: `redis://127.0.0.1:${port}`, group: 'health', deadLetter: false, reconnect: { initialDelayMs: 100, maxDelayMs: 500 } });
    health = await startHealthApp(server, [stream]);
  });

  after(async () => {
    await health?.close().catch(() => undefined);
    await redis.kill();
  });

  it('reports down within 5 s of the server stop, and up after it returns', async () => {
    const { up } = await downThenUp(health, { label: 'Redis', stop: () => redis.kill(), start: () => redis.start() });
    const details = up.details[HEALTH_KEY];
    assert.deepEqual(
      { status: details.status, state: details.state, connected: details.connected, consuming: details.consuming, backlog: details.backlog },
      { status: 'up', state: 'connected', connected: true, consuming: true, backlog: 0 },
    );
  });
});
