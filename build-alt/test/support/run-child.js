"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runChild = runChild;
const node_child_process_1 = require("node:child_process");
/** Runs a compiled test script in its own Node process; resolves with its output and exit code, or fails when it does not exit by itself within `timeoutMs`. */
function runChild(script, args, timeoutMs = 20_000) {
    return new Promise((resolve, reject) => {
        const child = (0, node_child_process_1.spawn)(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`the process did not exit by itself within ${timeoutMs} ms; output: ${output}`));
        }, timeoutMs);
        child.on('exit', (code) => {
            clearTimeout(timer);
            resolve({ code, output });
        });
    });
}
//# sourceMappingURL=run-child.js.map