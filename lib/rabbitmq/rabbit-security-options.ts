import type { AllListed, KeysListed, OptionKeys } from '../core/option-keys';

/**
 * TLS of an `amqps://` connection, handed to Node's `tls.connect` through
 * amqplib. PEM contents, not file paths (read them with `readFileSync`).
 * Never logged.
 */
export interface RabbitTlsOptions {
  /**
   * CA certificate(s) that signed the broker's certificate. Replaces Node's
   * default CAs: a broker certificate from a private CA needs it.
   * @defaultValue Node's default CAs
   */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Client certificate chain, for brokers that verify peers (`ssl_options.verify = verify_peer`) and for `auth: 'external'`. @defaultValue none */
  cert?: string | Buffer;
  /** Private key of `cert`. @defaultValue none */
  key?: string | Buffer;
  /** Passphrase of an encrypted `key`. @defaultValue none */
  passphrase?: string;
  /**
   * Host name the broker's certificate must name (also sent as SNI).
   * @defaultValue the URL's host (for an IP address, the certificate must name that IP)
   */
  servername?: string;
}

/** How `RabbitAckServer` and `RabbitAckClient` secure their connections. */
export interface RabbitSecurityOptions {
  /**
   * TLS settings for `amqps://` URLs. Every URL must be `amqps://` when this
   * is given (a CA with a plain-text URL would be a silent downgrade).
   * @defaultValue none (`amqps://` URLs use Node's default CAs)
   */
  tls?: RabbitTlsOptions;
  /**
   * `'plain'`: the user and password of the URL (`guest`/`guest` when it has
   * none). `'external'`: SASL EXTERNAL, the broker takes the user from the
   * client certificate (`tls.cert` and `tls.key` required, `amqps://` URLs;
   * the broker needs the `rabbitmq_auth_mechanism_ssl` plugin).
   * @defaultValue 'plain'
   */
  auth?: 'plain' | 'external';
}

/** The names of `RabbitTlsOptions` and `RabbitSecurityOptions` (see `assertKnownKeys`). */
export const RABBIT_TLS_OPTION_NAMES = ['ca', 'cert', 'key', 'passphrase', 'servername'] as const satisfies readonly (keyof RabbitTlsOptions)[];
type _Tls = AllListed<KeysListed<RabbitTlsOptions, typeof RABBIT_TLS_OPTION_NAMES>>;
export const RABBIT_SECURITY_OPTION_NAMES = ['tls', 'auth'] as const satisfies readonly (keyof RabbitSecurityOptions)[];
type _Security = AllListed<KeysListed<RabbitSecurityOptions, typeof RABBIT_SECURITY_OPTION_NAMES>>;
export const RABBIT_TLS_KEYS: OptionKeys = { keys: RABBIT_TLS_OPTION_NAMES };
