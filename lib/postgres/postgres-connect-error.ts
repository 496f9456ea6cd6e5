import { BrokerConfigurationError, ConnectFailedError } from '../core/errors';

/** Node's codes for a server certificate it would not trust (`tls.connect` verification). */
const CERTIFICATE_REFUSED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** SQLSTATEs that a retry cannot change, and what to change instead. */
const REFUSALS: Record<string, string> = {
  '28P01': 'check the user and password of the connection',
  '28000': 'the server does not let this user connect from here (pg_hba.conf) or the role cannot log in',
  '3D000': 'create the database or fix its name in the connection',
  '42501': 'grant this role what the server needs (docs/postgres.md, permissions), or create the schema beforehand and set createSchema: false',
};

/**
 * A failed first connection, said so an operator can act on it: a server
 * certificate Node refused becomes an error that says TLS and where the CA
 * goes (pg reports only Node's terse text, such as "unable to verify the first
 * certificate"), a `ConnectFailedError` (not retried: its cause is a refusal,
 * not an unreachable server). Other errors are returned as they are. Never quotes the
 * connection string (it may hold a password).
 */
export function explainConnectError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const refusal = typeof code === 'string' ? REFUSALS[code] : undefined;
  if (refusal) return new BrokerConfigurationError('PostgreSQL', `${error instanceof Error ? error.message : String(error)} (${code}); ${refusal}`, { cause: error });
  if (typeof code !== 'string' || !CERTIFICATE_REFUSED.has(code)) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new ConnectFailedError(
    `PostgreSQL TLS: the server's certificate was refused (${code}: ${text}); give the CA that signed it in the ssl option's ca, or sslrootcert with sslmode=verify-full in the URL, and connect by a host name the certificate names`,
    { cause: error },
  );
}
