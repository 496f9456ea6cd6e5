import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLUSTER_SH = join(__dirname, '../../../scripts/cluster.sh');

/**
 * Private broker nodes of one test file (scripts/cluster.sh): their own name,
 * ports and folder, so stopping them never touches the shared brokers.
 */
export class PrivateCluster {
  constructor(
    private readonly transport: 'rabbitmq' | 'kafka',
    private readonly env: { CLUSTER_NAME: string; RABBIT_PORT_BASE?: string; KAFKA_PORT_BASE?: string },
  ) {}

  /** Address of node 1: an AMQP URL for RabbitMQ, `host:port` for Kafka. */
  get address(): string {
    return this.transport === 'rabbitmq' ? `amqp://guest:guest@127.0.0.1:${this.env.RABBIT_PORT_BASE}` : `127.0.0.1:${this.env.KAFKA_PORT_BASE}`;
  }

  /** Starts one node (stopping a set of this name that was left running). */
  start(): Promise<string> {
    return this.sh('start', '1');
  }

  /** SIGKILL to node 1; returns once its process is gone. */
  kill(): Promise<string> {
    return this.sh('kill', '1');
  }

  /** Starts node 1 again; returns once it answers. */
  revive(): Promise<string> {
    return this.sh('revive', '1');
  }

  /** Stops every node and deletes the folder. */
  stop(): Promise<string> {
    return this.sh('stop');
  }

  private async sh(...args: string[]): Promise<string> {
    // START_TIMEOUT: a node start on a loaded 2-core machine (other lanes compiling and testing) can pass the script's 120 s.
    const { stdout } = await run('bash', [CLUSTER_SH, this.transport, ...args], { env: { ...process.env, START_TIMEOUT: '240', ...this.env }, timeout: 300_000 });
    return stdout.trim();
  }
}
