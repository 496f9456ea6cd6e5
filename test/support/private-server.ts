import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { waitFor } from './wait-for';

/**
 * A broker process of one test file (nats-server, redis-server) on a port of
 * its own: killed and started again without touching the shared brokers.
 */
export class PrivateServer {
  private child?: ChildProcess;

  constructor(
    private readonly command: string,
    private readonly args: string[],
    readonly port: number,
  ) {}

  /** Starts the process; resolves once the port accepts connections. */
  async start(): Promise<void> {
    if (await portOpen(this.port)) throw new Error(`port ${this.port} is taken: a private ${this.command} left running?`);
    const child = spawn(this.command, this.args, { stdio: 'ignore' });
    this.child = child;
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`${this.command} exited with ${code} during start`);
    });
    exited.catch(() => undefined);
    await Promise.race([waitFor(() => portOpen(this.port), { timeoutMs: 30_000, intervalMs: 50, message: `${this.command} on port ${this.port}` }), exited]);
  }

  /** SIGKILL; resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
