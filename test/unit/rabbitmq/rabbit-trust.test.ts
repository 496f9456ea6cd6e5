import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConsumeMessage } from 'amqplib';
import { RabbitAckClient, RabbitAckServer } from '../../../lib/rabbitmq';
import { describeConnectError } from '../../../lib/rabbitmq/rabbit-connect-error';
import { toRabbitMessage, type RabbitSession } from '../../../lib/rabbitmq/rabbit-message';
import { rabbitMessageSize } from '../../../lib/rabbitmq/rabbit-message-size';
import { RABBIT_REPLY_ADDRESSES } from '../../../lib/rabbitmq/rabbit-reply-addresses';
import { resolveSecurity, userOfUrl } from '../../../lib/rabbitmq/rabbit-security';
import { resolveRabbitSettings } from '../../../lib/rabbitmq/rabbit-settings';
import { ReplyAddressAllowList } from '../../../lib/core/reply-address-allow-list';

const PEM = '-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nsecret key material\n-----END PRIVATE KEY-----\n';

function delivery(content: string, headers: Record<string, unknown>, extra: Partial<ConsumeMessage['properties']> = {}): ConsumeMessage {
  return {
    content: Buffer.from(content),
    fields: { deliveryTag: 1, redelivered: false, exchange: '', routingKey: 'q', consumerTag: 'c' },
    properties: { headers, ...extra } as ConsumeMessage['properties'],
  } as ConsumeMessage;
}

const session = { open: true, countTrust: { queueType: 'quorum', brokerMajor: 3, users: new Set(['guest']) }, userId: 'guest' } as unknown as RabbitSession;

describe('RabbitMQ reply addresses', () => {
  const defaults = new ReplyAddressAllowList('replyAddresses', undefined, RABBIT_REPLY_ADDRESSES);

  it('accept direct reply-to addresses as the broker rewrites them, nothing else by default', () => {
    assert.equal(defaults.accepts('amq.rabbitmq.reply-to.g1h2AA1yZXBseUA5MjQ4ODg0AAADEwAAAABrFzXI.XxvSRZZzOPCidqificYt1g=='), true);
    for (const refused of ['amq.rabbitmq.reply-to', 'amq.rabbitmq.reply-to.', 'orders', 'orders.dlq', 'amq.rabbitmq.reply-to.a b', `amq.rabbitmq.reply-to.${'x'.repeat(240)}`]) {
      assert.equal(defaults.accepts(refused), false, refused);
    }
  });

  it('replyAddresses replaces the defaults; names are checked at construction', () => {
    const server = new RabbitAckServer({ queue: 'q', replyAddresses: { names: ['my.replies'] } });
    const accepts = (address: string) => (server as unknown as { replies: { acceptsReplyAddress(a: string): boolean } }).replies.acceptsReplyAddress(address);
    assert.equal(accepts('my.replies'), true);
    assert.equal(accepts('amq.rabbitmq.reply-to.abc'), false);
    assert.throws(() => new RabbitAckServer({ queue: 'q', replyAddresses: { names: ['with space'] } }), { code: 'ACK_INVALID_OPTION', message: /invalid replyAddresses\.names/ });
  });
});

describe('RabbitMQ message size', () => {
  it('counts body, header names and values in field-table encoding, and the string properties', () => {
    const small = rabbitMessageSize(delivery('{}', {}));
    assert.ok(small >= 2 && small < 10, String(small));
    const withHeader = rabbitMessageSize(delivery('{}', { 'x-filler': 'x'.repeat(8192) }, { replyTo: 'r', correlationId: 'c' }));
    assert.ok(withHeader > 8192 + 8 + 2 && withHeader < 8192 + 40, String(withHeader));
    const nested = rabbitMessageSize(delivery('', { t: { inner: ['a', 1, true, Buffer.from('bb')] } }));
    assert.ok(nested > 10, String(nested));
  });

  it('a message over maxMessageBytes keeps its headers undecoded and carries its size', () => {
    const over = toRabbitMessage(delivery('{}', { 'x-filler': 'x'.repeat(8192) }), session, 'q', 4096);
    assert.ok(over.size! > 8192);
    assert.deepEqual(over.headers, {});
    const under = toRabbitMessage(delivery('{}', { a: 'b' }), session, 'q', 4096);
    assert.deepEqual(under.headers, { a: 'b' });
  });
});

describe('RabbitMQ TLS and auth options', () => {
  it('pass CA, client certificate, key, passphrase and servername to amqplib, EXTERNAL as its credentials', () => {
    const { socketOptions, auth } = resolveSecurity({ tls: { ca: [PEM], cert: PEM, key: KEY, passphrase: 'p', servername: 'rabbit.internal' }, auth: 'external' }, ['amqps://rabbit:5671']);
    assert.equal(auth, 'external');
    assert.deepEqual({ ...socketOptions, credentials: undefined }, { ca: [PEM], cert: PEM, key: KEY, passphrase: 'p', servername: 'rabbit.internal', credentials: undefined });
    assert.equal(socketOptions.credentials?.mechanism, 'EXTERNAL');
  });

  it('refuse TLS settings or EXTERNAL with a plain amqp:// URL, EXTERNAL without a client certificate, and unknown TLS keys', () => {
    assert.throws(() => resolveSecurity({ tls: { ca: PEM } }, ['amqps://a', 'amqp://b']), /amqps:\/\/ URLs only/);
    assert.throws(() => resolveSecurity({ auth: 'external', tls: { ca: PEM } }, ['amqps://a']), /tls\.cert and tls\.key/);
    assert.throws(() => resolveSecurity({ tls: { rejectUnauthorized: false } as never }, ['amqps://a']), /invalid tls\.rejectUnauthorized/);
    assert.throws(() => resolveSecurity({ auth: 'kerberos' as never }, ['amqps://a']), /invalid auth/);
    assert.throws(() => new RabbitAckClient({ queue: 'q', urls: 'amqp://x', tls: { ca: PEM } }), { code: 'ACK_INVALID_OPTION', message: /amqps:\/\/ URLs only/ });
  });

  it('never echo key material in an option error', () => {
    for (const tls of [{ cert: PEM, key: '' }, { cert: PEM }, { key: KEY }, { ca: [] }]) {
      assert.throws(() => resolveSecurity({ tls }, ['amqps://a']), (error: Error) => !error.message.includes('secret key material') && !error.message.includes('not really'));
    }
  });

  it('userId: the URL\'s user as amqplib reads it, the option when given, required with EXTERNAL on a classic queue', () => {
    assert.equal(userOfUrl('amqp://app:pw@h'), 'app');
    assert.equal(userOfUrl('amqp://h'), 'guest');
    assert.equal(userOfUrl('amqp://us%40er:pw@h'), 'us@er');
    const settings = resolveRabbitSettings({ queue: 'q', urls: ['amqp://a:1@h1', 'amqp://b:2@h2'] }, 1);
    assert.deepEqual([...settings.users], ['a', 'b']);
    assert.equal(settings.userIdFor('amqp://b:2@h2'), 'b');
    const mapped = resolveRabbitSettings({ queue: 'q', urls: 'amqp://a:1@h1', userId: 'A' }, 1);
    assert.deepEqual([...mapped.users], ['A']);
    assert.equal(mapped.userIdFor('amqp://a:1@h1'), 'A');
    const tls = { cert: PEM, key: KEY };
    assert.throws(() => resolveRabbitSettings({ queue: 'q', urls: 'amqps://h', queueType: 'classic', auth: 'external', tls }, 1), /userId \(with auth: 'external' on a classic queue\)/);
    assert.doesNotThrow(() => resolveRabbitSettings({ queue: 'q', urls: 'amqps://h', auth: 'external', tls }, 1));
  });

  it('a TLS failure reads as one, with Node\'s code and the option to look at', () => {
    const untrusted = Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    assert.equal(describeConnectError(untrusted), 'TLS handshake failed, the broker\'s certificate is not trusted: self-signed certificate in certificate chain (SELF_SIGNED_CERT_IN_CHAIN); give the CA that signed it in tls.ca');
    const name = Object.assign(new Error('Hostname/IP does not match certificate\'s altnames'), { code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    assert.match(describeConnectError(name), /does not name this host.*tls\.servername/);
    // As Node 20 reports a TLS connect to a plain AMQP port, and an unreadable key: told apart by their codes.
    const plainPort = Object.assign(new Error('write EPROTO 80FC6A1F637F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'), { code: 'EPROTO' });
    assert.match(describeConnectError(plainPort), /^TLS handshake failed: write EPROTO .*wrong version number; is this port a TLS listener/);
    assert.match(describeConnectError(Object.assign(new Error('error:0480006C:PEM routines::no start line'), { code: 'ERR_OSSL_PEM_NO_START_LINE' })), /certificate or key could not be used.*check tls\.cert, tls\.key/);
    assert.match(describeConnectError(Object.assign(new Error('sslv3 alert handshake failure'), { code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' })), /^TLS handshake failed: /);
    assert.equal(describeConnectError(new Error('wrong version number')), 'wrong version number', 'the text alone decides nothing');
    assert.equal(describeConnectError(new Error('connect ECONNREFUSED 127.0.0.1:5671')), 'connect ECONNREFUSED 127.0.0.1:5671');
  });
});
