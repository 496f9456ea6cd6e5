/**
 * The URL without user, password and query (where tokens often travel), safe
 * for logs and errors. Text that does not parse as a URL is not echoed at all.
 */
export declare function redactUrl(url: string): string;
