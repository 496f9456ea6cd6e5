"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startRedisWorker = startRedisWorker;
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const node_readline_1 = require("node:readline");
/**
 * Starts a worker process consuming `stream` in `group` as consumer `name`.
 * `hangAfter`: once that many handlers finished, handlers that start never return (default: never hang).
 */
function startRedisWorker(stream, group, name, minIdleMs, hangAfter) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)(__dirname, 'redis-worker.js'), group, name, String(minIdleMs)], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, REDIS_WORKER_STREAM: stream, ...(hangAfter === undefined ? {} : { REDIS_WORKER_HANG_AFTER: String(hangAfter) }) },
    });
    let markReady = () => undefined;
    const worker = {
        name,
        process: child,
        ready: new Promise((resolve) => (markReady = resolve)),
        started: [],
        processed: [],
        exited: new Promise((resolve) => child.once('exit', () => resolve())),
    };
    (0, node_readline_1.createInterface)({ input: child.stdout }).on('line', (line) => {
        if (line === 'ready')
            markReady();
        const match = /^(started|processed) (\d+)$/.exec(line);
        if (match)
            worker[match[1]].push(Number(match[2]));
    });
    return worker;
}
//# sourceMappingURL=redis-workers.js.map