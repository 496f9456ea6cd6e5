import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type ConnectionOptions } from '@nats-io/transport-node';
import { firstValueFrom } from 'rxjs';
import type { AckError } from '../../../lib/core';
import { AckModule } from '../../../lib/module';
import { NatsAckClient, NatsAckServer, type NatsAckServerOptions } from '../../../lib/nats';
import { uniqueStream } from '../../support/nats-broker';
import { startNatsTlsNode, type NatsTlsNode } from '../../support/nats-tls-node';
import { uniqueName } from '../../support/names';
import { waitFor } from '../../support/wait-for';

const ROOT = uniqueName('orders').replace(/\./g, '-');
const CREATED = `${ROOT}.created`;
const FAILING = `${ROOT}.failing`;
const TOTAL = `${ROOT}.total`;
const STREAM = uniqueStream('tls');
/** A stream the user `no-create` may look up but not create. */
const UNCREATED = uniqueStream('tls-nocreate');
const handled: unknown[] = [];

@Controller()
class OrdersController {
  @EventPattern(CREATED)
  created(@Payload() data: unknown) {
    handled.push(data);
  }

  @EventPattern(FAILING)
  failing() {
    throw new Error('always fails');
  }

  @MessagePattern(TOTAL)
  total(@Payload() lines: number[]) {
    return lines.reduce((sum, n) => sum + n, 0);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [OrdersController] })
class OrdersModule {}

/**
 * The subject permissions docs/nats.md tells an operator to grant, for a
 * server on stream `stream` (dead letters in `<stream>_DLQ` under
 * `dead-letter.<stream>`) that creates its streams and consumer, and replies
 * to `_INBOX.` inboxes (nats-server 2.9+: older ones create durable consumers
 * on `$JS.API.CONSUMER.DURABLE.CREATE.<stream>.*`).
 */
function serverPermissions(stream: string): { publish: string[]; subscribe: string[] } {
  return {
    publish: [
      '$JS.API.INFO',
      `$JS.API.STREAM.INFO.${stream}`,
      `$JS.API.STREAM.INFO.${stream}_DLQ`,
      `$JS.API.STREAM.CREATE.${stream}`,
      `$JS.API.STREAM.UPDATE.${stream}`,
      `$JS.API.STREAM.CREATE.${stream}_DLQ`,
      `$JS.API.CONSUMER.CREATE.${stream}.>`,
      `$JS.API.CONSUMER.INFO.${stream}.*`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.*`,
      `$JS.ACK.${stream}.>`,
      `dead-letter.${stream}.>`,
      '_INBOX.>',
    ],
    subscribe: ['_INBOX.>'],
  };
}

/** The permissions without `$JS.API.STREAM.CREATE.*`: the start can look its streams up, not create them. */
function withoutStreamCreate(permissions: { publish: string[]; subscribe: string[] }): { publish: string[]; subscribe: string[] } {
  return { ...permissions, publish: permissions.publish.filter((subject) => !subject.startsWith('$JS.API.STREAM.CREATE.')) };
}

/**
 * TLS with a client certificate and user/password auth on a private
 * nats-server whose users hold only the subject permissions docs/nats.md
 * lists: the server provisions, consumes, replies and dead-letters without one
 * permission violation; without the CA, or with a wrong password, the start
 * fails with a clear error that shows no credential.
 */
describe('NATS over TLS with users and subject permissions (issue 26 item 11)', { timeout: 120_000 }, () => {
  let node: NatsTlsNode & { passwords: Record<string, string> };
  let app: INestMicroservice | undefined;
  let client: NatsAckClient | undefined;

  before(async () => {
    node = await startNatsTlsNode([
      { user: 'orders-service', ...serverPermissions(STREAM) },
      { user: 'orders-producer', publish: [`${ROOT}.>`], subscribe: ['_INBOX.>'] },
      { user: 'no-create', ...withoutStreamCreate(serverPermissions(UNCREATED)) },
    ]);
  });
  after(async () => {
    await app?.close().catch(() => undefined);
    await client?.close().catch(() => undefined);
    await node?.stop();
  });

  const tls = () => ({ caFile: node.certs.ca, certFile: node.certs.clientCert, keyFile: node.certs.clientKey });
  const serverOptions = (connectionOptions: NatsAckServerOptions['connectionOptions']): NatsAckServerOptions => ({
    servers: node.url,
    stream: STREAM,
    ensureStream: true,
    defaultPolicy: 'REJECT_ON_ERROR',
    connectionOptions: { maxReconnectAttempts: 0, ...connectionOptions },
  });

  it('the documented permissions are enough: an event, a request and a dead letter, no permission violation', async () => {
    const server = new NatsAckServer(serverOptions({ user: 'orders-service', pass: node.passwords['orders-service'], tls: tls() }));
    const errors: Error[] = [];
    server.on('error', (error: Error) => errors.push(error));
    app = await NestFactory.createMicroservice(OrdersModule, { strategy: server, logger: false });
    await app.listen();
    client = new NatsAckClient({ servers: node.url, connectionOptions: { user: 'orders-producer', pass: node.passwords['orders-producer'], tls: tls() } });

    await firstValueFrom(client.emit(CREATED, { id: 1 }), { defaultValue: undefined });
    await waitFor(() => handled.length === 1, { message: 'the event handled' });
    assert.equal(await firstValueFrom(client.send(TOTAL, [1, 2, 3])), 6);
    await firstValueFrom(client.emit(FAILING, {}), { defaultValue: undefined });

    const admin = await connect({ servers: node.url, user: 'orders-service', pass: node.passwords['orders-service'], tls: tls() });
    try {
      // The service user may read stream and consumer info, nothing more: the dead letter is counted, not read.
      const jsm = await jetstreamManager(admin);
      await waitFor(async () => (await jsm.streams.info(`${STREAM}_DLQ`)).state.messages === 1, { message: 'the dead letter stored' });
      await waitFor(async () => {
        const info = await jsm.consumers.info(STREAM, server.consumerPlans[0].name);
        return info.num_pending === 0 && info.num_ack_pending === 0;
      }, { message: 'everything settled on the consumer' });
      assert.equal((await server.probeHealth()).connected, true);
    } finally {
      await admin.close();
    }
    assert.deepEqual(errors.map((error) => error.message), [], 'no permission violation reported');
    await app.close();
    app = undefined;
  });

  it('without the CA the start fails on the certificate; the error shows no password', async () => {
    const pass = node.passwords['orders-service'];
    const server = new NatsAckServer(serverOptions({ user: 'orders-service', pass, tls: { certFile: node.certs.clientCert, keyFile: node.certs.clientKey } }));
    const failing = await NestFactory.createMicroservice(OrdersModule, { strategy: server, logger: false });
    const error: Error = await failing.listen().then(() => assert.fail('started'), (e: Error) => e);
    await failing.close().catch(() => undefined);
    assert.match(error.message, /certificate/i);
    assert.equal((error as AckError).code, 'ACK_CONNECT_FAILED');
    assert.ok(!error.message.includes(pass) && !String(error.stack).includes(pass));
  });

  it('a wrong password fails the start with an authorization error that shows neither password', async () => {
    const wrong = 'not-the-password-4f1c';
    const server = new NatsAckServer(serverOptions({ user: 'orders-service', pass: wrong, tls: tls() } as ConnectionOptions));
    const failing = await NestFactory.createMicroservice(OrdersModule, { strategy: server, logger: false });
    const error: Error = await failing.listen().then(() => assert.fail('started'), (e: Error) => e);
    await failing.close().catch(() => undefined);
    assert.match(error.message, /authori[sz]ation/i);
    assert.equal((error as AckError).code, 'ACK_BROKER_CONFIGURATION', 'no retry changes refused credentials');
    assert.ok(!error.message.includes(wrong) && !error.message.includes(node.passwords['orders-service']));
  });

  it('a user that may not create the stream: the start fails at once with a BrokerConfigurationError that says what to grant', async () => {
    const server = new NatsAckServer({ ...serverOptions({ user: 'no-create', pass: node.passwords['no-create'], tls: tls() }), stream: UNCREATED });
    const failing = await NestFactory.createMicroservice(OrdersModule, { strategy: server, logger: false });
    const started = Date.now();
    const error: AckError = await failing.listen().then(() => assert.fail('started'), (e: AckError) => e);
    await failing.close().catch(() => undefined);
    assert.equal(error.name, 'BrokerConfigurationError');
    assert.equal(error.code, 'ACK_BROKER_CONFIGURATION');
    assert.match(error.message, new RegExp(`could not create or update stream "${UNCREATED}": .*grant this user publish on \\$JS\\.API\\.STREAM\\.>`));
    assert.ok(Date.now() - started < 5000, 'at once, without retrying');
  });
});
