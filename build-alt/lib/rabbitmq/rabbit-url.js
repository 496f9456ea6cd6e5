"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_RABBIT_URL = void 0;
exports.resolveUrls = resolveUrls;
const errors_1 = require("../core/errors");
const redact_url_1 = require("../core/redact-url");
/** Used when no URL is given: the local broker with RabbitMQ's default user. */
exports.DEFAULT_RABBIT_URL = 'amqp://guest:guest@127.0.0.1:5672';
/** Checks `urls` (one or several) and returns them as a list. */
function resolveUrls(urls, optionName = 'urls') {
    const list = urls === undefined ? [exports.DEFAULT_RABBIT_URL] : Array.isArray(urls) ? urls : [urls];
    const allowed = 'an amqp:// or amqps:// URL, or a non-empty array of them';
    if (list.length === 0)
        throw new errors_1.InvalidOptionError(optionName, [], allowed);
    for (const url of list) {
        if (typeof url !== 'string' || !/^amqps?:\/\//i.test(url)) {
            throw new errors_1.InvalidOptionError(`${optionName} entry`, typeof url === 'string' ? (0, redact_url_1.redactUrl)(url) : typeof url, allowed);
        }
    }
    return list;
}
//# sourceMappingURL=rabbit-url.js.map