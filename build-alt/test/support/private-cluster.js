"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PrivateCluster = void 0;
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const node_util_1 = require("node:util");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
const CLUSTER_SH = (0, node_path_1.join)(__dirname, '../../../scripts/cluster.sh');
/**
 * Private broker nodes of one test file (scripts/cluster.sh): their own name,
 * ports and folder, so stopping them never touches the shared brokers.
 */
class PrivateCluster {
    transport;
    env;
    constructor(transport, env) {
        this.transport = transport;
        this.env = env;
    }
    /** Address of node 1: an AMQP URL for RabbitMQ, `host:port` for Kafka. */
    get address() {
        return this.transport === 'rabbitmq' ? `amqp://guest:guest@127.0.0.1:${this.env.RABBIT_PORT_BASE}` : `127.0.0.1:${this.env.KAFKA_PORT_BASE}`;
    }
    /** Starts one node (stopping a set of this name that was left running). */
    start() {
        return this.sh('start', '1');
    }
    /** SIGKILL to node 1; returns once its process is gone. */
    kill() {
        return this.sh('kill', '1');
    }
    /** Starts node 1 again; returns once it answers. */
    revive() {
        return this.sh('revive', '1');
    }
    /** Stops every node and deletes the folder. */
    stop() {
        return this.sh('stop');
    }
    async sh(...args) {
        // START_TIMEOUT: a node start on a loaded 2-core machine (other lanes compiling and testing) can pass the script's 120 s.
        const { stdout } = await run('bash', [CLUSTER_SH, this.transport, ...args], { env: { ...process.env, START_TIMEOUT: '240', ...this.env }, timeout: 300_000 });
        return stdout.trim();
    }
}
exports.PrivateCluster = PrivateCluster;
//# sourceMappingURL=private-cluster.js.map