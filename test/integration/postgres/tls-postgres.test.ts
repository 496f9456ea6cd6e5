import 'reflect-metadata';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import type { Pool } from 'pg';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../../lib/module';
import { PostgresAckClient, PostgresAckServer, type PostgresAckServerOptions } from '../../../lib/postgres';
import { CaptureLogger } from '../../support/capture-logger';
import { CERT_USER, startPostgresTlsNode, type PostgresTlsNode } from '../../support/postgres-tls-node';
import { waitFor } from '../../support/wait-for';

const received: unknown[] = [];

@Controller()
class TlsController {
  @EventPattern('tls.order')
  order(data: unknown) {
    received.push(data);
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [TlsController] })
class TlsModule {}

/** Trust auth accepts any password: this one is there to show it never reaches an error or a log line. */
const PASSWORD = 'pg-tls-s3cret-pw';
const TABLE = 'tls_messages';

describe('PostgreSQL over TLS (a private server with ssl = on, hostssl only, a certificate this test generates)', { timeout: 120_000 }, () => {
  let node: PostgresTlsNode;
  let url: string;

  before(async () => {
    node = await startPostgresTlsNode();
    url = `postgres://postgres:${PASSWORD}@127.0.0.1:${node.port}/postgres`;
  });
  after(async () => {
    await node?.stop();
  });

  /** Starts a server on the TLS node; the app and its captured log lines. */
  async function start(options: Partial<PostgresAckServerOptions>) {
    const logger = new CaptureLogger();
    const server = new PostgresAckServer({ connection: url, table: TABLE, queue: 'orders', createSchema: true, pollIntervalMs: 200, reconnect: { maxAttempts: 1 }, ...options });
    const app = await NestFactory.createMicroservice(TlsModule, { strategy: server, logger });
    return { app, server, logger };
  }

  it('with ssl: { ca } the server connects over TLS and consumes a message; a client with sslmode=verify-full and sslrootcert in its URL publishes it', async () => {
    const { app, server } = await start({ ssl: { ca: readFileSync(node.certs.ca) } });
    const client = new PostgresAckClient({ connection: `${url}?sslmode=verify-full&sslrootcert=${node.certs.ca}`, table: TABLE, queue: 'orders' });
    try {
      await app.listen();
      await firstValueFrom(client.emit('tls.order', { id: 'tls-1' }));
      await waitFor(() => received.some((data) => (data as { id?: string }).id === 'tls-1'), { message: 'the message consumed over TLS' });
      for (const pool of [server.unwrap<Pool>(), client.unwrap<Pool>()]) {
        const { rows } = await pool.query<{ ssl: boolean; version: string }>('SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
        assert.equal(rows[0].ssl, true);
        assert.match(rows[0].version, /^TLSv1\.[23]$/);
      }
    } finally {
      await app.close();
      await client.close();
    }
  });

  it('with another CA, listen() fails naming the certificate problem, and neither the error nor the log shows the password', async () => {
    const { app, logger } = await start({ ssl: { ca: readFileSync(node.certs.otherCa) } });
    try {
      const error = await app.listen().then(() => undefined, (e: unknown) => e as Error);
      assert.ok(error instanceof Error, 'listen() rejected');
      // Node's code depends on whether the server sends its CA along: SELF_SIGNED_CERT_IN_CHAIN here (ssl_ca_file is set).
      assert.equal((error as Error & { code?: string }).code, 'ACK_CONNECT_FAILED');
      assert.match(error.message, /^nestjs-ack: PostgreSQL TLS: the server's certificate was refused \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE): [^)]*certificate[^)]*\)/);
      assert.match(error.message, /ssl option's ca/);
      assert.ok(!error.message.includes(PASSWORD) && !(error.stack ?? '').includes(PASSWORD), 'no password in the error');
      assert.deepEqual(logger.lines.filter((line) => line.text.includes(PASSWORD)), [], 'no password in the log');
    } finally {
      await app.close().catch(() => undefined);
    }
  });

  it('with a client certificate (pg_hba cert auth) the server logs in as the certificate\'s user; without the certificate it is refused', async () => {
    const certUrl = `postgres://${CERT_USER}@127.0.0.1:${node.port}/postgres`;
    const ca = readFileSync(node.certs.ca);
    const { app, server } = await start({ connection: certUrl, table: 'tls_cert_messages', ssl: { ca, cert: readFileSync(node.certs.clientCert), key: readFileSync(node.certs.clientKey) } });
    try {
      await app.listen();
      const { rows } = await server.unwrap<Pool>().query<{ user: string }>('SELECT current_user AS user');
      assert.equal(rows[0].user, CERT_USER);
    } finally {
      await app.close();
    }
    const { app: without } = await start({ connection: certUrl, table: 'tls_cert_messages', ssl: { ca } });
    try {
      await assert.rejects(without.listen(), /connection requires a valid client certificate|certificate authentication failed/);
    } finally {
      await without.close().catch(() => undefined);
    }
  });

  it('without ssl the server refuses the connection (pg_hba: hostnossl reject), and listen() says so', async () => {
    const { app, logger } = await start({});
    try {
      const error = await app.listen().then(() => undefined, (e: unknown) => e as Error);
      assert.ok(error instanceof Error, 'listen() rejected');
      assert.match(error.message, /pg_hba\.conf rejects connection .* no encryption/);
      assert.ok(!error.message.includes(PASSWORD));
      assert.deepEqual(logger.lines.filter((line) => line.text.includes(PASSWORD)), [], 'no password in the log');
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
