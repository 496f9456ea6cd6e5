"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nestLogCreator = nestLogCreator;
const kafkajs_1 = require("kafkajs");
/**
 * Routes kafkajs logs to a Nest logger: the message and the error text only
 * (never the extra fields, which may describe connections).
 *
 * A failed produce is logged by kafkajs twice (its `Connection` and `Producer`
 * namespaces) on every attempt; the sender reports it itself (a refused dead
 * letter at most once per interval, a failed reply once), so those two lines
 * go to debug: a dead-letter topic refusing a record must not flood the log.
 */
function nestLogCreator(logger) {
    return () => ({ namespace, level, log }) => {
        const error = typeof log.error === 'string' ? ` (${log.error})` : '';
        const text = `kafkajs ${namespace}: ${log.message}${error}`;
        if (level === kafkajs_1.logLevel.ERROR && isProduceFailure(namespace, String(log.message ?? '')))
            logger.debug?.(text);
        else if (level === kafkajs_1.logLevel.ERROR)
            logger.error(text);
        else if (level === kafkajs_1.logLevel.WARN)
            logger.warn(text);
        else if (level === kafkajs_1.logLevel.INFO)
            logger.log(text);
        else
            logger.debug?.(text);
    };
}
function isProduceFailure(namespace, message) {
    return namespace === 'Producer' || (namespace === 'Connection' && message.startsWith('Response Produce('));
}
//# sourceMappingURL=kafka-logger.js.map