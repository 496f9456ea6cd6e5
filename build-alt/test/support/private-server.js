"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PrivateServer = void 0;
const node_child_process_1 = require("node:child_process");
const node_events_1 = require("node:events");
const node_net_1 = require("node:net");
const wait_for_1 = require("./wait-for");
/**
 * A broker process of one test file (nats-server, redis-server) on a port of
 * its own: killed and started again without touching the shared brokers.
 */
class PrivateServer {
    command;
    args;
    port;
    user;
    child;
    constructor(command, args, port, 
    /** Runs the process as this user (PostgreSQL refuses root). */
    user) {
        this.command = command;
        this.args = args;
        this.port = port;
        this.user = user;
    }
    /** Starts the process; resolves once the port accepts connections. */
    async start() {
        // A process of an earlier start may still be going away (PostgreSQL ends its backends first).
        await (0, wait_for_1.waitFor)(async () => !(await portOpen(this.port)), { timeoutMs: 15_000, intervalMs: 100, message: `port ${this.port} free (a private ${this.command} left running?)` });
        const child = (0, node_child_process_1.spawn)(this.command, this.args, { stdio: 'ignore', ...this.user });
        this.child = child;
        const exited = (0, node_events_1.once)(child, 'exit').then(([code]) => {
            throw new Error(`${this.command} exited with ${code} during start`);
        });
        exited.catch(() => undefined);
        await Promise.race([(0, wait_for_1.waitFor)(() => portOpen(this.port), { timeoutMs: 30_000, intervalMs: 50, message: `${this.command} on port ${this.port}` }), exited]);
    }
    /** Sends `signal` (SIGKILL unless told); resolves once the process is gone. */
    async kill(signal = 'SIGKILL') {
        const child = this.child;
        this.child = undefined;
        if (!child || child.exitCode !== null || child.signalCode !== null)
            return;
        const exited = (0, node_events_1.once)(child, 'exit');
        child.kill(signal);
        await exited;
    }
}
exports.PrivateServer = PrivateServer;
function portOpen(port) {
    return new Promise((resolve) => {
        const socket = (0, node_net_1.connect)({ host: '127.0.0.1', port });
        socket.once('connect', () => {
            socket.destroy();
            resolve(true);
        });
        socket.once('error', () => resolve(false));
    });
}
//# sourceMappingURL=private-server.js.map