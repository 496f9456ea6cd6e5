import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrivateServer } from './private-server';
import { makeCertificates, type TestCertificates } from './tls-certs';
import { freePort } from './free-port';

/** One user of the private nats-server and the subjects it may publish and subscribe to. */
export interface NatsTestUser {
  user: string;
  password: string;
  publish: string[];
  subscribe: string[];
}

/** A private nats-server that takes TLS connections with a client certificate only, and users with subject permissions. */
export interface NatsTlsNode {
  url: string;
  certs: TestCertificates;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts nats-server (JetStream, its own store folder) on a free port with a
 * server certificate generated with openssl for `localhost` / `127.0.0.1`,
 * `verify: true` (a client must show a certificate signed by the same CA), and
 * `users` in its global account, each with a publish and a subscribe allow-list.
 */
export async function startNatsTlsNode(users: Array<Omit<NatsTestUser, 'password'>>): Promise<NatsTlsNode & { passwords: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'nestjs-ack-nats-tls-'));
  const certs = await makeCertificates(join(dir, 'certs'));
  const port = await freePort();
  const passwords = Object.fromEntries(users.map(({ user }) => [user, randomBytes(12).toString('hex')]));
  const quoted = (list: string[]) => `[${list.map((subject) => JSON.stringify(subject)).join(', ')}]`;
  const config = [
    `listen: 127.0.0.1:${port}`,
    `jetstream { store_dir: ${JSON.stringify(join(dir, 'store'))} }`,
    `tls { cert_file: ${JSON.stringify(certs.serverCert)}, key_file: ${JSON.stringify(certs.serverKey)}, ca_file: ${JSON.stringify(certs.ca)}, verify: true, timeout: 2 }`,
    'authorization {',
    '  users = [',
    ...users.map(({ user, publish, subscribe }) => `    { user: ${JSON.stringify(user)}, password: ${JSON.stringify(passwords[user])}, permissions: { publish: { allow: ${quoted(publish)} }, subscribe: { allow: ${quoted(subscribe)} } } }`),
    '  ]',
    '}',
  ].join('\n');
  const file = join(dir, 'nats.conf');
  writeFileSync(file, `${config}\n`);
  const server = new PrivateServer('nats-server', ['-c', file, '-l', join(dir, 'nats.log')], port);
  try {
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `tls://127.0.0.1:${port}`,
    certs,
    passwords,
    async stop() {
      await server.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
