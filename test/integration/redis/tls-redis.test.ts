import 'reflect-metadata';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { Redis, type RedisOptions } from 'ioredis';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../../lib/module';
import { RedisAckClient, RedisAckServer } from '../../../lib/redis';
import { uniqueName } from '../../support/names';
import { startRedisTlsNode, type RedisTlsNode } from '../../support/redis-tls-node';
import { waitFor } from '../../support/wait-for';

const EVENTS = uniqueName('tls-events');
const ASK = uniqueName('tls-ask');
const received: unknown[] = [];

@Controller()
class TlsController {
  @EventPattern(EVENTS)
  handle(data: unknown) {
    received.push(data);
  }

  @MessagePattern(ASK)
  ask() {
    return 'ok over tls';
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [TlsController] })
class TlsModule {}

describe('Redis over TLS (a private redis-server, TLS port only, client certificates required, certificates this test generates)', { timeout: 120_000 }, () => {
  let node: RedisTlsNode;
  let tls: NonNullable<RedisOptions['tls']>;

  before(async () => {
    node = await startRedisTlsNode();
    tls = { ca: readFileSync(node.certs.ca), cert: readFileSync(node.certs.clientCert), key: readFileSync(node.certs.clientKey) };
  });
  after(async () => {
    await node?.stop();
  });

  it('with tls: { ca, cert, key } the server and the client work over TLS; a user\'s TLS client is copied with its TLS settings', async () => {
    const server = new RedisAckServer({ connection: { host: '127.0.0.1', port: node.port, tls }, group: uniqueName('group'), blockMs: 500 });
    const app = await NestFactory.createMicroservice(TlsModule, { strategy: server, logger: false });
    const own = new Redis({ host: '127.0.0.1', port: node.port, tls, lazyConnect: true });
    const client = new RedisAckClient({ connection: own });
    try {
      await app.listen();
      await firstValueFrom(client.emit(EVENTS, { id: 'tls-1' }), { defaultValue: undefined });
      await waitFor(() => received.some((data) => (data as { id?: string }).id === 'tls-1'), { message: 'the event consumed over TLS' });
      assert.equal(await firstValueFrom(client.send(ASK, {})), 'ok over tls');
      const health = await server.probeHealth();
      assert.equal(health.connected, true);
    } finally {
      await app.close();
      await client.close();
      own.disconnect();
    }
  });

  for (const [what, without] of [
    ['the CA (only Node\'s default CAs)', { cert: 'cert', key: 'key' }],
    ['a CA that did not sign the server certificate', { ca: 'other', cert: 'cert', key: 'key' }],
    ['a client certificate', { ca: 'ca' }],
  ] as const) {
    it(`without ${what}, listen() fails with the TLS error, and no password in it`, async () => {
      const given: RedisOptions['tls'] = {};
      if ('ca' in without) given.ca = readFileSync(without.ca === 'ca' ? node.certs.ca : node.certs.otherCa);
      if ('cert' in without) Object.assign(given, { cert: tls.cert, key: tls.key });
      const server = new RedisAckServer({ connection: { host: '127.0.0.1', port: node.port, password: 'tls-s3cret-pw', tls: given }, group: 'g', streams: [uniqueName('s')], reconnect: { initialDelayMs: 20, maxDelayMs: 50, maxAttempts: 2 } });
      const app = await NestFactory.createMicroservice(TlsModule, { strategy: server, logger: false });
      await assert.rejects(app.listen(), (error: Error & { code?: string }) => {
        // A certificate we refuse fails at once; a handshake the server resets is retried, then BrokerUnavailableError.
        assert.ok('cert' in without ? error.code === 'ACK_CONNECT_FAILED' : ['ACK_CONNECT_FAILED', 'ACK_BROKER_UNAVAILABLE'].includes(String(error.code)), `${error.name} ${error.code}`);
        assert.match(error.message, new RegExp(`could not connect to Redis at 127\\.0\\.0\\.1:${node.port}: `));
        assert.match(error.message, 'cert' in without ? /certificate|self[- ]signed/i : /certificate|handshake|alert|ECONNRESET|socket/i);
        assert.doesNotMatch(error.message, /tls-s3cret-pw/);
        return true;
      });
      await app.close();
    });
  }

  it('a close while a refused TLS handshake fails the start never ends the process (a socket ended mid-handshake errs twice)', async () => {
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      for (let i = 0; i < 30; i++) {
        const server = new RedisAckServer({ connection: { host: '127.0.0.1', port: node.port, tls: { ...tls, ca: readFileSync(node.certs.otherCa) } }, group: 'g', streams: [uniqueName('s')], reconnect: { initialDelayMs: 5, maxDelayMs: 10 } });
        const app = await NestFactory.createMicroservice(TlsModule, { strategy: server, logger: false });
        // A refused certificate fails the start at once (no retry): closed during it, or right after it.
        const listening = app.listen().then(() => 'started', (error: Error) => error.name);
        if (i % 2 === 1) await listening;
        await app.close();
        assert.notEqual(await listening, 'started');
      }
      // Late socket errors surface on a later turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(uncaught.map(String), []);
    } finally {
      process.off('uncaughtException', record);
    }
  });

  it('a plain-text connection to the TLS port never becomes ready: listen() fails after reconnect.maxAttempts', async () => {
    const server = new RedisAckServer({ connection: `redis://127.0.0.1:${node.port}`, group: 'g', streams: [uniqueName('s')], reconnect: { initialDelayMs: 20, maxDelayMs: 50, maxAttempts: 2 } });
    const app = await NestFactory.createMicroservice(TlsModule, { strategy: server, logger: false });
    await assert.rejects(app.listen(), /could not connect to Redis at 127\.0\.0\.1/);
    await app.close();
  });
});
