import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { waitFor } from './wait-for';
import { portOpen } from './free-port';

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
    /** Runs the process as this user (PostgreSQL refuses root). */
    private readonly user?: { uid: number; gid: number },
  ) {}

  /** Starts the process; resolves once the port accepts connections. */
  async start(): Promise<void> {
    // A process of an earlier start may still be going away (PostgreSQL ends its backends first).
    await waitFor(async () => !(await portOpen(this.port)), { timeoutMs: 15_000, intervalMs: 100, message: `port ${this.port} free (a private ${this.command} left running?)` });
    const child = spawn(this.command, this.args, { stdio: 'ignore', ...this.user });
    this.child = child;
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`${this.command} exited with ${code} during start`);
    });
    exited.catch(() => undefined);
    await Promise.race([waitFor(() => portOpen(this.port), { timeoutMs: 30_000, intervalMs: 50, message: `${this.command} on port ${this.port}` }), exited]);
  }

  /** Sends `signal` (SIGKILL unless told); resolves once the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }
}
