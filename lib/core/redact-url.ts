/**
 * The URL without user, password and query (where tokens often travel), safe
 * for logs and errors. Text that does not parse as a URL is not echoed at all.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}
