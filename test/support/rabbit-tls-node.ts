import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, chown, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeCertificates, type TestCertificates } from './tls-certs';
import { waitFor } from './wait-for';
import { freePorts, portOpen } from './free-port';

const run = promisify(execFile);

/** Longest a private node may take to listen; it usually needs about 8 s. */
const START_TIMEOUT_MS = 30_000;

/**
 * A RabbitMQ node of one test file with only a TLS listener, on free ports,
 * in a temporary folder with certificates generated for it (server: CN
 * localhost, SANs localhost and 127.0.0.1; client: CN `guest`, so EXTERNAL
 * auth logs in as guest). Peers are verified when they present a certificate
 * (`verify_peer`, not required). Started the way scripts/cluster.sh starts
 * its nodes: as the rabbitmq user, with its own node name, ports, Mnesia and
 * log folders; the machine's own node stays untouched.
 */
export class RabbitTlsNode {
  private constructor(
    readonly certs: TestCertificates,
    readonly port: number,
    private readonly dir: string,
    private readonly node: string,
    private readonly child: ChildProcess,
  ) {}

  /** `amqps://` URL of the node, with the guest user. */
  get url(): string {
    return `amqps://guest:guest@localhost:${this.port}`;
  }

  /** PEM contents of one of the generated files. */
  pem(name: keyof TestCertificates): Promise<Buffer> {
    return readFile(this.certs[name]);
  }

  static async start(): Promise<RabbitTlsNode> {
    const dir = await mkdtemp(join(tmpdir(), 'nestjs-ack-rabbit-tls-'));
    const certs = await makeCertificates(join(dir, 'certs'), { commonName: 'localhost', altNames: ['DNS:localhost', 'IP:127.0.0.1'], clientCommonName: 'guest' });
    const [port, distPort] = await freePorts(2);
    const node = `tls${process.pid}x${port}@localhost`;
    await writeFile(join(dir, 'rabbitmq.conf'), [
      'listeners.tcp = none',
      `listeners.ssl.default = 127.0.0.1:${port}`,
      `ssl_options.cacertfile = ${certs.ca}`,
      `ssl_options.certfile = ${certs.serverCert}`,
      `ssl_options.keyfile = ${certs.serverKey}`,
      'ssl_options.verify = verify_peer',
      'ssl_options.fail_if_no_peer_cert = false',
      'auth_mechanisms.1 = PLAIN',
      'auth_mechanisms.2 = EXTERNAL',
      'ssl_cert_login_from = common_name',
      'loopback_users = none',
      '',
    ].join('\n'));
    await writeFile(join(dir, 'enabled_plugins'), '[rabbitmq_auth_mechanism_ssl].\n');
    await giveToRabbitmq(dir);
    const child = spawn('runuser', ['-u', 'rabbitmq', '--', 'env', 'HOME=/var/lib/rabbitmq', `RABBITMQ_NODENAME=${node}`, `RABBITMQ_NODE_PORT=${port}`,
      `RABBITMQ_DIST_PORT=${distPort}`, `RABBITMQ_MNESIA_BASE=${dir}/mnesia`, `RABBITMQ_LOG_BASE=${dir}/log`, `RABBITMQ_CONFIG_FILE=${dir}/rabbitmq.conf`,
      `RABBITMQ_ENABLED_PLUGINS_FILE=${dir}/enabled_plugins`, `RABBITMQ_PID_FILE=${dir}/pid`, 'ERL_EPMD_ADDRESS=127.0.0.1', 'rabbitmq-server'], { stdio: 'ignore' });
    const started = new RabbitTlsNode(certs, port, dir, node, child);
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`the private RabbitMQ node exited with ${code} during start (log: ${dir}/log)`);
    });
    exited.catch(() => undefined);
    try {
      await Promise.race([waitFor(() => portOpen(port), { timeoutMs: START_TIMEOUT_MS, intervalMs: 100, message: `the private RabbitMQ TLS node on port ${port}` }), exited]);
    } catch (error) {
      await started.stop();
      throw error;
    }
    return started;
  }

  /** Stops the node (clean stop, then SIGKILL to its VM if it lingers) and deletes its folder. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      await run('runuser', ['-u', 'rabbitmq', '--', 'env', 'HOME=/var/lib/rabbitmq', 'rabbitmqctl', '-n', this.node, 'stop'], { timeout: 20_000 }).catch(() => undefined);
      const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref())]);
      if (!gone) {
        const pid = Number((await readFile(join(this.dir, 'pid'), 'utf8').catch(() => '')).trim());
        if (Number.isInteger(pid) && pid > 0) {
          try {
            process.kill(pid, 'SIGKILL'); // the node's Erlang VM, started by this helper
          } catch {
            // already gone
          }
        }
      }
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** The node runs as the rabbitmq user: it must read the folder, the config and the certificates, and write Mnesia and logs there. */
async function giveToRabbitmq(dir: string): Promise<void> {
  const { stdout } = await run('id', ['-u', 'rabbitmq']);
  const { stdout: group } = await run('id', ['-g', 'rabbitmq']);
  const uid = Number(stdout.trim());
  const gid = Number(group.trim());
  for (const path of [dir, join(dir, 'certs')]) {
    await chown(path, uid, gid);
    await chmod(path, 0o700);
  }
  for (const name of ['rabbitmq.conf', 'enabled_plugins']) await chown(join(dir, name), uid, gid);
  for (const name of await readdir(join(dir, 'certs'))) await chown(join(dir, 'certs', name), uid, gid);
}
