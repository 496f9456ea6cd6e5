import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCertificates, type TestCertificates } from './tls-certs';
import { waitFor } from './wait-for';
import { freePort } from './free-port';

/** A private redis-server that takes TLS connections only, with client certificates required. */
export interface RedisTlsNode {
  port: number;
  /** The server's certificate is signed by `ca`; `clientCert` too; `otherCa` signed nothing it serves. */
  certs: TestCertificates;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts a redis-server of its own on a free port: no plain-text port
 * (`--port 0`), TLS on `--tls-port` with a server certificate generated with
 * openssl for `localhost` / `127.0.0.1`, clients must show a certificate
 * signed by the test CA (`--tls-auth-clients yes`), no persistence.
 */
export async function startRedisTlsNode(): Promise<RedisTlsNode> {
  const dir = mkdtempSync(join(tmpdir(), 'nestjs-ack-redis-tls-'));
  const certs = await makeCertificates(join(dir, 'certs'));
  const port = await freePort();
  const args = ['--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1', '--tls-cert-file', certs.serverCert, '--tls-key-file', certs.serverKey, '--tls-ca-cert-file', certs.ca, '--tls-auth-clients', 'yes', '--save', '', '--appendonly', 'no', '--dir', dir];
  const child: ChildProcess = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(() => {
      if (child.exitCode !== null) throw new Error(`redis-server exited: ${output.slice(-500)}`);
      return output.includes('Ready to accept connections');
    }, { timeoutMs: 15_000, message: 'the TLS redis-server ready' });
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, certs, stop };
}
