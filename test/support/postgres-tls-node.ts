import { execFile } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeCertificates, type TestCertificates } from './tls-certs';
import { freePort } from './free-port';

const run = promisify(execFile);

/** The user that must log in with a client certificate (its common name, as `makeCertificates` makes it). */
export const CERT_USER = 'client';

/** A private PostgreSQL that takes TCP connections over TLS only. */
export interface PostgresTlsNode {
  port: number;
  /** The certificates the test generated: the server's is signed by `ca`; `otherCa` signed nothing it serves. */
  certs: TestCertificates;
  /** Stops the server (immediate shutdown) and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts a PostgreSQL of its own (initdb + pg_ctl as the postgres user:
 * PostgreSQL refuses root) on a free port, with `ssl = on` and a server
 * certificate generated with openssl for `localhost` / `127.0.0.1`. pg_hba:
 * `hostnossl` rejects (a connection without TLS is refused by the server, not
 * by chance); over TLS, `CERT_USER` must show a client certificate signed by
 * the test CA (`cert` auth), every other user is trusted.
 */
export async function startPostgresTlsNode(): Promise<PostgresTlsNode> {
  const dir = mkdtempSync(join(tmpdir(), 'nestjs-ack-pg-tls-'));
  const data = join(dir, 'data');
  const certs = await makeCertificates(join(dir, 'certs'));
  const port = await freePort();
  const user = { uid: Number((await run('id', ['-u', 'postgres'])).stdout), gid: Number((await run('id', ['-g', 'postgres'])).stdout) };
  const asPostgres = process.getuid?.() === 0 ? user : {};
  const pgCtl = (...args: string[]) => run(program('pg_ctl'), ['-D', data, ...args], { ...asPostgres, timeout: 30_000 });
  if (process.getuid?.() === 0) chownSync(dir, user.uid, user.gid);
  try {
    await run(program('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { ...asPostgres, timeout: 60_000 });
    // The server reads its key only if no one else can: its own copy, mode 0600, owned by postgres.
    for (const [from, to] of [[certs.serverCert, 'server.crt'], [certs.serverKey, 'server.key'], [certs.ca, 'ca.crt']]) {
      copyFileSync(from, join(data, to));
      chmodSync(join(data, to), 0o600);
      if (process.getuid?.() === 0) chownSync(join(data, to), user.uid, user.gid);
    }
    writeFileSync(join(data, 'pg_hba.conf'), `local all all trust\nhostnossl all all 0.0.0.0/0 reject\nhostssl all ${CERT_USER} 127.0.0.1/32 cert\nhostssl all all 127.0.0.1/32 trust\n`);
    const settings = [`port=${port}`, 'listen_addresses=127.0.0.1', `unix_socket_directories=${dir}`, 'ssl=on', 'ssl_cert_file=server.crt', 'ssl_key_file=server.key', 'ssl_ca_file=ca.crt', 'fsync=off'];
    await pgCtl('-l', join(dir, 'postgres.log'), '-w', '-t', '15', '-o', settings.map((setting) => `-c ${setting}`).join(' '), 'start');
    await run(program('psql'), ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `CREATE ROLE ${CERT_USER} LOGIN; GRANT CREATE ON DATABASE postgres TO ${CERT_USER}; GRANT CREATE ON SCHEMA public TO ${CERT_USER}`], { ...asPostgres, timeout: 15_000 });
  } catch (error) {
    await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    certs,
    async stop() {
      await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL server program: Debian keeps them in /usr/lib/postgresql/<version>/bin, off the PATH. */
function program(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((version) => join(root, version, 'bin', name)).find((path) => existsSync(path)) ?? name;
}
