import { asError } from '../core/errors';

/** Node's codes for a broker certificate that does not verify against the trusted CAs. */
const UNTRUSTED_CERTIFICATE = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

/** OpenSSL's codes for a peer that does not speak TLS. */
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_UNKNOWN_PROTOCOL']);

/**
 * Why a connection attempt failed, in words an operator can act on: a TLS
 * failure says so (told by Node's error code, never by its text), with the
 * code and the option to look at. The URL is added by the caller, redacted.
 */
export function describeConnectError(error: unknown): string {
  const failure = asError(error);
  const rawCode = (failure as Error & { code?: unknown }).code;
  const code = typeof rawCode === 'string' ? rawCode : undefined;
  const text = `${failure.message}${code && !failure.message.includes(code) ? ` (${code})` : ''}`;
  if (code && UNTRUSTED_CERTIFICATE.has(code)) return `TLS handshake failed, the broker's certificate is not trusted: ${text}; give the CA that signed it in tls.ca`;
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return `TLS handshake failed, the broker's certificate is out of its validity period: ${text}`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `TLS handshake failed, the broker's certificate does not name this host: ${text}; connect by a name it holds or set tls.servername`;
  if (code !== undefined && NOT_TLS.has(code)) return `TLS handshake failed: ${text}; is this port a TLS listener (amqps)?`;
  // Node's socket error for a failed handshake: a peer answering in plain text ("wrong version number"), or a refused alert.
  if (code === 'EPROTO') return `TLS handshake failed: ${text}; is this port a TLS listener (amqps), and does the broker accept this client (tls.cert)?`;
  // OpenSSL's own errors (a PEM without its header, a wrong passphrase, a key that is not the certificate's).
  if (code?.startsWith('ERR_OSSL_')) return `the TLS client certificate or key could not be used: ${text}; check tls.cert, tls.key and tls.passphrase`;
  if (code?.startsWith('ERR_TLS_') || code?.startsWith('ERR_SSL_')) return `TLS handshake failed: ${text}`;
  return text;
}
