import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClientProxyFactory } from '@nestjs/microservices';
import { InvalidOptionError } from '../../../lib/core/errors';
import { closestName } from '../../../lib/core/known-keys';
import { KafkaAckClient, KafkaAckServer } from '../../../lib/kafka';
import { NatsAckClient, NatsAckServer } from '../../../lib/nats';
import { PostgresAckClient, PostgresAckServer } from '../../../lib/postgres';
import { RabbitAckClient, RabbitAckServer } from '../../../lib/rabbitmq';
import { RedisAckClient, RedisAckServer } from '../../../lib/redis';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';

type Construct = (options: object) => unknown;

const broker = new InMemoryBroker();

/** Every server and client, with the least options it accepts. */
const transports: Array<{ name: string; build: Construct; valid: object }> = [
  { name: 'RabbitAckServer', build: (o) => new RabbitAckServer(o as never), valid: { queue: 'q' } },
  { name: 'RabbitAckClient', build: (o) => new RabbitAckClient(o as never), valid: { queue: 'q' } },
  { name: 'KafkaAckServer', build: (o) => new KafkaAckServer(o as never), valid: { groupId: 'g' } },
  { name: 'KafkaAckClient', build: (o) => new KafkaAckClient(o as never), valid: {} },
  { name: 'NatsAckServer', build: (o) => new NatsAckServer(o as never), valid: { stream: 'S' } },
  { name: 'NatsAckClient', build: (o) => new NatsAckClient(o as never), valid: {} },
  { name: 'RedisAckServer', build: (o) => new RedisAckServer(o as never), valid: { group: 'g' } },
  { name: 'RedisAckClient', build: (o) => new RedisAckClient(o as never), valid: {} },
  { name: 'PostgresAckServer', build: (o) => new PostgresAckServer(o as never), valid: {} },
  { name: 'PostgresAckClient', build: (o) => new PostgresAckClient(o as never), valid: {} },
  { name: 'InMemoryAckServer', build: (o) => new InMemoryAckServer(o as never), valid: { broker } },
  { name: 'InMemoryAckClient', build: (o) => new InMemoryAckClient(o as never), valid: { broker } },
];

const byName = new Map(transports.map((t) => [t.name, t]));

/** [constructor, misspelt options added to its valid ones, the option path named, the suggestion]. */
const misspelt: Array<[string, object, string, string | undefined]> = [
  ['RabbitAckServer', { url: 'amqp://127.0.0.1' }, 'url', 'urls'],
  ['RabbitAckServer', { concurency: 5 }, 'concurency', 'concurrency'],
  ['RabbitAckServer', { retries: { maxDeliveries: 3 } }, 'retries', 'retry'],
  ['RabbitAckServer', { retry: { backoff: { jiter: 0.1 } } }, 'retry.backoff.jiter', 'retry.backoff.jitter'],
  ['RabbitAckServer', { retry: { maxDelivery: 3 } }, 'retry.maxDelivery', 'retry.maxDeliveries'],
  ['RabbitAckServer', { prefetchCount: 50 }, 'prefetchCount', 'prefetch'],
  ['RabbitAckServer', { deadLetter: { exchnage: 'dead' } }, 'deadLetter.exchnage', 'deadLetter.exchange'],
  ['RabbitAckServer', { reconnect: { maxAttempt: 3 } }, 'reconnect.maxAttempt', 'reconnect.maxAttempts'],
  ['RabbitAckServer', { replyAddresses: { prefix: ['r.'] } }, 'replyAddresses.prefix', 'replyAddresses.prefixes'],
  ['RabbitAckServer', { tls: { certificate: 'x' } }, 'tls.certificate', 'tls.cert'],
  ['RabbitAckClient', { url: 'amqp://elsewhere' }, 'url', 'urls'],
  ['RabbitAckClient', { reconnect: { initialDelay: 5 } }, 'reconnect.initialDelay', 'reconnect.initialDelayMs'],
  ['RabbitAckClient', { tls: { servername: 'h', passPhrase: 'p' } }, 'tls.passPhrase', 'tls.passphrase'],
  ['KafkaAckServer', { broker: ['127.0.0.1:9092'] }, 'broker', 'brokers'],
  ['KafkaAckServer', { groupID: 'g2' }, 'groupID', 'groupId'],
  ['KafkaAckServer', { createTopics: { numPartition: 3 } }, 'createTopics.numPartition', 'createTopics.numPartitions'],
  ['KafkaAckServer', { replyAddresses: { patternReplyTopic: false } }, 'replyAddresses.patternReplyTopic', 'replyAddresses.patternReplyTopics'],
  ['KafkaAckServer', { retry: { backoff: { typ: 'fixed' } } }, 'retry.backoff.typ', 'retry.backoff.type'],
  ['KafkaAckClient', { replyTopics: 'r' }, 'replyTopics', 'replyTopic'],
  ['KafkaAckClient', { serializer: {} }, 'serializer', undefined],
  ['NatsAckServer', { subject: ['orders.*'] }, 'subject', 'subjects'],
  ['NatsAckServer', { deadLetter: { subjectprefix: 'dead' } }, 'deadLetter.subjectprefix', 'deadLetter.subjectPrefix'],
  ['NatsAckClient', { server: 'nats://127.0.0.1:4222' }, 'server', 'servers'],
  ['RedisAckServer', { blockMS: 100 }, 'blockMS', 'blockMs'],
  ['RedisAckServer', { deadLetter: { suffix: ':dead' } }, 'deadLetter.suffix', undefined],
  ['RedisAckClient', { maxLength: 100 }, 'maxLength', 'maxLen'],
  ['RedisAckClient', { reconnect: { multipler: 3 } }, 'reconnect.multipler', 'reconnect.multiplier'],
  ['PostgresAckServer', { leaseMS: 1000 }, 'leaseMS', 'leaseMs'],
  ['PostgresAckServer', { retention: { completedMS: 1 } }, 'retention.completedMS', 'retention.completedMs'],
  ['PostgresAckServer', { replyAddresses: { name: ['x'] } }, 'replyAddresses.name', 'replyAddresses.names'],
  ['PostgresAckClient', { replyChannelPrefx: 'r_' }, 'replyChannelPrefx', 'replyChannelPrefix'],
  ['PostgresAckClient', { databaseUrl: 'postgres://127.0.0.1/test' }, 'databaseUrl', undefined],
  ['InMemoryAckServer', { queueName: 'q' }, 'queueName', 'queue'],
  ['InMemoryAckServer', { retry: { backof: {} } }, 'retry.backof', 'retry.backoff'],
  ['InMemoryAckClient', { queu: 'q' }, 'queu', 'queue'],
];

describe('unknown option keys', () => {
  for (const [name, extra, option, suggestion] of misspelt) {
    it(`${name} refuses ${option}${suggestion ? `, suggesting ${suggestion}` : ''}`, () => {
      const { build, valid } = byName.get(name)!;
      assert.throws(() => build({ ...valid, ...extra }), (error: unknown) => {
        assert.ok(error instanceof InvalidOptionError, `an InvalidOptionError, got ${String(error)}`);
        assert.equal(error.name, 'InvalidOptionError');
        assert.equal(error.option, option);
        assert.ok(error.message.startsWith(`nestjs-ack: unknown option ${option} of ${name}`), error.message);
        if (suggestion) assert.ok(error.message.endsWith(`; did you mean ${suggestion}?`), error.message);
        else assert.match(error.message, /; known( in [\w.]+)?: \w+(, \w+)*$/);
        return true;
      });
    });
  }

  for (const { name, build, valid } of transports) {
    it(`${name} takes its valid options`, () => {
      build(valid);
    });
  }

  for (const { name, build, valid } of transports.filter((t) => t.name.endsWith('Server'))) {
    it(`${name} takes the common options startTimeoutMs and name`, () => {
      build({ ...valid, startTimeoutMs: 30_000, name: 'orders' });
    });
  }

  it('fails where ClientsModule builds the client: new customClass(options), options typed loosely', () => {
    const options = { url: 'amqp://elsewhere', queue: 'orders' };
    assert.throws(() => ClientProxyFactory.create({ customClass: RabbitAckClient, options }), (error: unknown) =>
      error instanceof InvalidOptionError && error.option === 'url' && /did you mean urls\?/.test(error.message));
  });

  it('checks options built by a class as well (a config object): its own fields', () => {
    class OrdersClientConfig {
      queue = 'orders';
      url = 'amqp://elsewhere';
      describe(): string {
        return this.queue;
      }
    }
    assert.throws(() => new RabbitAckClient(new OrdersClientConfig() as never), (error: unknown) => error instanceof InvalidOptionError && error.option === 'url');
  });

  it('never shows the value of an unknown option: it may hold a password or a key', () => {
    assert.throws(() => new RabbitAckClient({ queue: 'q', url: 'amqps://user:s3cret@host' } as never), (error: Error) => !error.message.includes('s3cret'));
    assert.throws(() => new RabbitAckServer({ queue: 'q', tls: { privateKey: 'BEGIN-s3cret' } } as never), (error: Error) => !error.message.includes('s3cret'));
  });

  it("leaves the keys of the drivers' own objects to the drivers", () => {
    new RabbitAckServer({ queue: 'q', queueArguments: { 'x-anything': 1 } });
    new RabbitAckClient({ queue: 'q', headers: { anything: 'x' } });
    new KafkaAckServer({ groupId: 'g', client: { connectionTimeout: 1000, anything: 1 } as never });
    new KafkaAckClient({ client: { anything: 1 } as never });
    new NatsAckServer({ stream: 'S', connectionOptions: { anything: 1 } as never, ensureStream: { anything: 1 } as never, consumerConfig: { anything: 1 } as never });
    new NatsAckClient({ connectionOptions: { anything: 1 } as never });
    new RedisAckServer({ group: 'g', connection: { host: '127.0.0.1', anything: 1 } as never });
    new RedisAckClient({ connection: { host: '127.0.0.1', anything: 1 } as never });
    new PostgresAckServer({ connection: { host: '127.0.0.1', anything: 1 } as never, ssl: { rejectUnauthorized: false, anything: 1 } as never });
    new PostgresAckClient({ connection: { host: '127.0.0.1', anything: 1 } as never });
  });

  it('suggests by case, by a few edits, or by a shared start; nothing for an unrelated name', () => {
    assert.equal(closestName('groupID', ['groupId', 'brokers']), 'groupId');
    assert.equal(closestName('url', ['urls', 'queue']), 'urls');
    assert.equal(closestName('jtiter', ['type', 'jitter']), 'jitter');
    assert.equal(closestName('prefetchCount', ['prefetch', 'queue']), 'prefetch');
    assert.equal(closestName('retries', ['maxDeliveries', 'retry']), 'retry');
    assert.equal(closestName('host', ['urls', 'queue']), undefined);
    assert.equal(closestName('serializer', ['brokers', 'clientId', 'client', 'replyTopic', 'replyGroupId', 'logLevel']), undefined);
  });
});
