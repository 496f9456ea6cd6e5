"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.connectNats = connectNats;
exports.watchStatus = watchStatus;
const transport_node_1 = require("@nats-io/transport-node");
/**
 * Connects with the user's options (auth, TLS... passed through untouched and
 * never logged) over our defaults: reconnect forever, the client's own backoff.
 */
function connectNats(servers, options) {
    return (0, transport_node_1.connect)({ maxReconnectAttempts: -1, reconnectTimeWait: 500, ...options, servers });
}
/** Maps the client's status stream to `hooks` until the connection closes. */
async function watchStatus(connection, hooks) {
    let attempt = 0;
    void connection.closed().then(() => hooks.closed());
    for await (const status of connection.status()) {
        switch (status.type) {
            case 'disconnect':
                attempt = 0;
                hooks.disconnected(status.server);
                break;
            case 'reconnecting':
                hooks.reconnecting(++attempt);
                break;
            case 'reconnect':
                attempt = 0;
                hooks.reconnected(status.server);
                break;
            case 'error':
                hooks.error(status.error);
                break;
            default:
                break;
        }
    }
}
//# sourceMappingURL=nats-connection.js.map