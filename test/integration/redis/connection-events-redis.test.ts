import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import { RedisAckServer } from '../../../lib/redis';
import { freePort } from '../../support/free-port';
import { uniqueName } from '../../support/names';
import { PrivateServer } from '../../support/private-server';
import { waitFor } from '../../support/wait-for';

@Module({})
class IdleModule {}

/**
 * The server's connection events across two outages of a private
 * redis-server (killed, then started again): `disconnected` once per outage,
 * `reconnecting` with the attempt number (1, 2, ... again in each outage),
 * `connected` once it is back, and the status following them.
 */
describe('RedisAckServer connection events (private server, killed twice)', { timeout: 120_000 }, () => {
  let redis: PrivateServer;
  let app: INestMicroservice;
  let server: RedisAckServer;
  const events: string[] = [];
  const statuses: string[] = [];

  before(async () => {
    const port = await freePort();
    redis = new PrivateServer('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], port);
    await redis.start();
    server = new RedisAckServer({ connection: `redis://127.0.0.1:${port}`, group: 'events', streams: [uniqueName('events')], blockMs: 200, reconnect: { initialDelayMs: 50, maxDelayMs: 100 } });
    server.on('disconnected', () => events.push('disconnected'));
    server.on('reconnecting', (attempt: number) => events.push(`reconnecting ${attempt}`));
    server.on('connected', () => events.push('connected'));
    server.status.subscribe((status) => statuses.push(status));
    app = await NestFactory.createMicroservice(IdleModule, { strategy: server, logger: false });
    await app.listen();
  });

  after(async () => {
    await app?.close().catch(() => undefined);
    await redis?.kill();
  });

  for (const outage of [1, 2]) {
    it(`outage ${outage}: one disconnected, reconnecting 1, 2, 3..., one connected`, async () => {
      events.length = 0;
      await redis.kill();
      await waitFor(() => events.filter((event) => event.startsWith('reconnecting')).length >= 3, { timeoutMs: 20_000, message: 'three reconnect attempts' });
      assert.equal(statuses.at(-1), 'reconnecting');
      await redis.start();
      await waitFor(() => events.includes('connected'), { timeoutMs: 20_000, message: 'connected again' });
      assert.equal(statuses.at(-1), 'connected');
      const attempts = events.filter((event) => event.startsWith('reconnecting')).map((event) => Number(event.split(' ')[1]));
      assert.deepEqual(attempts, attempts.map((_, i) => i + 1), `attempts numbered from 1: ${events.join(', ')}`);
      assert.equal(events[0], 'disconnected');
      assert.equal(events.filter((event) => event === 'disconnected').length, 1, `one disconnected: ${events.join(', ')}`);
      assert.equal(events.filter((event) => event === 'connected').length, 1);
      assert.equal(events.at(-1), 'connected');
      assert.equal((await server.probeHealth()).connected, true);
    });
  }
});
