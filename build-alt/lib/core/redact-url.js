"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.redactUrl = redactUrl;
/**
 * The URL without user, password and query (where tokens often travel), safe
 * for logs and errors. Text that does not parse as a URL is not echoed at all.
 */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        parsed.username = '';
        parsed.password = '';
        parsed.search = '';
        return parsed.toString();
    }
    catch {
        return '<unparseable url>';
    }
}
//# sourceMappingURL=redact-url.js.map