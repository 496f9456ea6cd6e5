import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { firstValueFrom } from 'rxjs';
import { AckModule } from '../../lib/module';
import { NatsAckClient, type NatsAckContext } from '../../lib/nats';
import { REPLY_TO_HEADER } from '../../lib/nats/nats-headers';
import { startNatsApp, type NatsTestApp } from '../support/nats-app';
import { consumerInfo, deleteStreams, NATS_URL, natsDeadLetters, outstandingOf, uniqueStream } from '../support/nats-broker';
import { uniqueName } from '../support/names';
import { waitFor } from '../support/wait-for';

const ROOT = uniqueName('trust');
const PUBLIC = `${ROOT}.public.x`;
const ADMIN = `${ROOT}.admin.x`;
const ASK = `${ROOT}.ask`;
const ORDERS = `${ROOT}.orders.*`;
const runs: Record<string, number> = {};
const patterns: Record<string, string[]> = {};
const sizes: number[] = [];
const ran = (name: string) => runs[name] ?? 0;

@Controller()
class TrustController {
  @EventPattern(PUBLIC)
  public(@Ctx() context: NatsAckContext) {
    runs.public = ran('public') + 1;
    sizes.push(context.getMessage().size ?? -1);
  }

  @EventPattern(ADMIN)
  admin() {
    runs.admin = ran('admin') + 1;
  }

  @MessagePattern(ASK)
  ask(@Payload() n: number) {
    runs.ask = ran('ask') + 1;
    return n * 2;
  }

  @EventPattern(ORDERS)
  orders(@Ctx() context: NatsAckContext) {
    (patterns[context.getSubject()] ??= []).push(context.getPattern());
  }
}

@Module({ imports: [AckModule.forRoot()], controllers: [TrustController] })
class TrustModule {}

/**
 * Issue 26 on the real nats-server: what a producer writes into a message (the
 * reply header, the pattern in the body, headers) does not steer the server.
 * The consumers filter the handlers' patterns, as the server makes them.
 */
describe('NATS trust boundary (issue 26 items 2, 7, 8)', () => {
  let target: NatsTestApp;
  const deadLetters = (subject: string) => natsDeadLetters(target.admin, target.deadLetterStream, target.deadLetterPrefix, subject);
  const outstanding = async (subject: string) => outstandingOf(await consumerInfo(target.admin, target.stream, target.server.consumerPlans.find((plan) => plan.subjects.includes(subject))!.name));
  const request = (id: string) => JSON.stringify({ pattern: ASK, data: 21, id });
  const publishWithReplyTo = async (replyTo: string, id: string) => {
    const headers = natsHeaders();
    headers.set(REPLY_TO_HEADER, replyTo);
    await target.admin.js.publish(ASK, request(id), { headers });
  };
  /** Everything the server's connection published has reached nats-server (a reply would have been handled by now). */
  const serverFlushed = () => target.server.unwrap<NatsConnection>().flush();

  before(async () => {
    target = await startNatsApp(TrustModule, { maxMessageBytes: 4096, ackWaitMs: 30_000 }, 'trust');
  });
  after(() => target?.close());

  it('item 2: a reply-to of $JS.API.STREAM.PURGE.<another stream> is dead-lettered as invalid-reply-address; the other stream keeps its messages', { timeout: 60_000 }, async () => {
    const other = uniqueStream('victim');
    try {
      await target.admin.jsm.streams.add({ name: other, subjects: [`${other}.>`] });
      for (let i = 0; i < 3; i++) await target.admin.js.publish(`${other}.kept`, `m${i}`);
      const id = uniqueName('id');
      await publishWithReplyTo(`$JS.API.STREAM.PURGE.${other}`, id);
      await waitFor(async () => (await outstanding(ASK)) === 0, { message: 'the request settled on the consumer' });
      await serverFlushed();
      assert.equal((await target.admin.jsm.streams.info(other)).state.messages, 3, 'the other stream was not purged');
      const letters = (await deadLetters(ASK)).filter((letter) => letter.body.toString() === request(id));
      assert.deepEqual(letters.map((letter) => letter.reason), ['invalid-reply-address']);
      assert.equal(ran('ask'), 0, 'the handler never ran');
    } finally {
      await deleteStreams(target.admin, other);
    }
  });

  it('item 2: a reply-to with a space is dead-lettered as invalid-reply-address before the handler, not a success turned into a dead letter', { timeout: 60_000 }, async () => {
    const before = ran('ask');
    const id = uniqueName('id');
    await publishWithReplyTo('_INBOX.a b', id);
    const entry = (await waitFor(async () => (await deadLetters(ASK)).find((letter) => letter.body.toString() === request(id)), { message: 'the request dead-lettered' }))!;
    assert.equal(entry.reason, 'invalid-reply-address');
    assert.equal(entry.deliveryCount, 1, 'refused on its first delivery');
    assert.equal(ran('ask'), before, 'the handler never ran');
    // The app's own client still gets its replies.
    assert.equal(await firstValueFrom(target.client.send(ASK, 5)), 10);
  });

  it('item 2: a client on its own inboxPrefix needs it in replyAddresses; the default refuses it', { timeout: 60_000 }, async () => {
    const prefix = `_INBOX_${uniqueStream('svc')}`;
    const client = new NatsAckClient({ servers: NATS_URL, connectionOptions: { inboxPrefix: prefix } });
    try {
      const asked = ran('ask');
      const answer = firstValueFrom(client.send(ASK, 1)).then(() => 'answered', () => 'no answer');
      const entry = (await waitFor(async () => (await deadLetters(ASK)).find((letter) => JSON.parse(letter.body.toString()).data === 1), { message: 'the request on a non-default inbox dead-lettered' }))!;
      assert.equal(entry.reason, 'invalid-reply-address');
      assert.ok(entry.headers[REPLY_TO_HEADER].startsWith(`${prefix}.`), 'the client asked for its reply under its inboxPrefix');
      await client.close();
      assert.equal(await answer, 'no answer');
      assert.equal(ran('ask'), asked, 'its handler never ran');
    } finally {
      await client.close();
    }
  });

  it('item 8: a message published on public.x whose body names admin.x is dead-lettered as pattern-mismatch; no handler runs', { timeout: 60_000 }, async () => {
    assert.ok(target.server.consumerPlans.some((plan) => plan.subjects.includes(PUBLIC)) && target.server.consumerPlans.some((plan) => plan.subjects.includes(ADMIN)), 'both subjects consumed');
    const body = JSON.stringify({ pattern: ADMIN, data: { grant: 'all' } });
    await target.admin.js.publish(PUBLIC, body);
    const entry = (await waitFor(async () => (await deadLetters(PUBLIC)).find((letter) => letter.body.toString() === body), { message: 'the forged message dead-lettered' }))!;
    assert.equal(entry.reason, 'pattern-mismatch');
    assert.equal(ran('admin'), 0, 'the admin handler never ran');
    assert.equal(ran('public'), 0, 'nor the public one');
    assert.deepEqual(await deadLetters(ADMIN), []);
    await waitFor(async () => (await outstanding(PUBLIC)) === 0, { message: 'settled on the consumer' });
  });

  it('item 8: the subject picks a wildcard handler; the body may name the subject or that pattern', { timeout: 60_000 }, async () => {
    const created = `${ROOT}.orders.created`;
    const deleted = `${ROOT}.orders.deleted`;
    await firstValueFrom(target.client.emit(created, {}), { defaultValue: undefined });
    await target.admin.js.publish(deleted, JSON.stringify({ pattern: ORDERS, data: {} }));
    await waitFor(() => patterns[created]?.length === 1 && patterns[deleted]?.length === 1, { message: 'both handled by the wildcard handler' });
    assert.deepEqual(patterns, { [created]: [ORDERS], [deleted]: [ORDERS] }, 'the context names the handler pattern');
  });

  it('item 7: size is the payload plus the header bytes as received; headers over maxMessageBytes are dead-lettered as deserialization', { timeout: 60_000 }, async () => {
    const headers = natsHeaders();
    headers.set('x-tenant', 'acme');
    const body = JSON.stringify({ pattern: PUBLIC, data: 1 });
    await target.admin.js.publish(PUBLIC, body, { headers });
    await waitFor(() => sizes.length === 1, { message: 'handled' });
    // JetStream adds no header to a stored message it delivers on a pull consumer: what the producer encoded is what arrives.
    assert.equal(sizes[0], Buffer.byteLength(body) + (headers as unknown as { encode(): Uint8Array }).encode().byteLength);

    const big = natsHeaders();
    big.set('x-filler', 'x'.repeat(8192));
    const small = JSON.stringify({ pattern: PUBLIC, data: 2 });
    await target.admin.js.publish(PUBLIC, small, { headers: big });
    const entry = (await waitFor(async () => (await deadLetters(PUBLIC)).find((letter) => letter.body.toString() === small), { message: 'dead-lettered for its headers' }))!;
    assert.equal(entry.reason, 'deserialization');
    assert.match(entry.errorMessage ?? '', /over maxMessageBytes=4096/);
    assert.equal(entry.headers['x-filler'], undefined, 'the oversized headers are not copied into the dead letter');
    assert.equal(ran('public'), 1, 'never handed to a handler');
  });
});
