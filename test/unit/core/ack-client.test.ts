import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstValueFrom } from 'rxjs';
import type { ReadPacket } from '@nestjs/microservices';
import { AckClient, type OutgoingPacket } from '../../../lib/core/ack-client';
import { ConnectionClosedError, RequestAbandonedError } from '../../../lib/core/errors';

/** A client over a fake wire: records opens, closes and publishes; replies when told. */
class FakeClient extends AckClient {
  protected readonly transport = 'fake';
  opens = 0;
  disconnects = 0;
  failNextOpen = false;
  openGate?: Promise<void>;
  published: Array<{ packet: OutgoingPacket; request: boolean; body: string; headers: Record<string, string> }> = [];

  constructor() {
    super();
    this.initializeSerializer({});
    this.initializeDeserializer({});
  }

  unwrap<T>(): T {
    return undefined as T;
  }

  reply(raw: unknown): Promise<void> {
    return this.deliverReply(raw);
  }

  driverSaw(status: 'connected' | 'disconnected' | 'reconnecting'): void {
    this.reportStatus(status);
  }

  protected async open(): Promise<void> {
    this.opens++;
    await this.openGate;
    if (this.failNextOpen) {
      this.failNextOpen = false;
      throw new Error('refused');
    }
  }

  protected async disconnect(): Promise<void> {
    this.disconnects++;
  }

  protected destinationOf(packet: ReadPacket): string {
    return `to.${this.normalizePattern(packet.pattern)}`;
  }

  protected async publishPacket(packet: OutgoingPacket, request: boolean, trace: Record<string, string> | undefined): Promise<void> {
    const { body, headers } = this.encodePacket(packet, { 'x-client': 'fake' }, trace);
    this.published.push({ packet, request, body, headers });
  }
}

describe('AckClient (the base of every client)', () => {
  it('connects once for concurrent calls, and again after a failed attempt', async () => {
    const client = new FakeClient();
    await Promise.all([client.connect(), client.connect(), firstValueFrom(client.emit('a', 1), { defaultValue: undefined })]);
    assert.equal(client.opens, 1);
    const again = new FakeClient();
    again.failNextOpen = true;
    await assert.rejects(again.connect(), /refused/);
    assert.equal(again.disconnects, 1, 'a failed open is cleaned up');
    await again.connect();
    assert.equal(again.opens, 2);
  });

  it('publishes events and requests through one path, the request with its id', async () => {
    const client = new FakeClient();
    await firstValueFrom(client.emit('orders.created', { n: 1 }), { defaultValue: undefined });
    const reply = firstValueFrom(client.send('orders.get', { n: 2 }));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(client.published.length, 2);
    const [event, request] = client.published;
    assert.equal(event.request, false);
    assert.deepEqual(JSON.parse(event.body), { pattern: 'orders.created', data: { n: 1 } });
    assert.deepEqual(event.headers, { 'x-client': 'fake' });
    assert.equal(request.request, true);
    assert.ok(request.packet.id, 'a request carries its id');
    await client.reply({ id: request.packet.id, response: 'found', isDisposed: true });
    assert.equal(await reply, 'found');
    await client.reply({ id: 'unknown', response: 'ignored' }); // no waiting request: dropped
  });

  it('close() fails every waiting request with RequestAbandonedError and disconnects', async () => {
    const client = new FakeClient();
    const reply = firstValueFrom(client.send('orders.get', {}));
    await new Promise((resolve) => setImmediate(resolve));
    await client.close();
    await assert.rejects(reply, (error: unknown) => error instanceof RequestAbandonedError && error.code === 'ACK_REQUEST_ABANDONED');
    assert.equal(client.disconnects, 1);
  });

  it('a close() during a connect closes what the connect opened, and the connect fails', async () => {
    const client = new FakeClient();
    let open!: () => void;
    client.openGate = new Promise<void>((resolve) => (open = resolve));
    const connecting = client.connect();
    const closing = client.close();
    open();
    await closing;
    await assert.rejects(connecting, (error: unknown) => error instanceof ConnectionClosedError);
    assert.equal(client.disconnects, 2, 'the close, then the connect that finished after it');
    client.openGate = undefined;
    await client.connect(); // a later connect works again
    assert.equal(client.opens, 2);
  });

  it('reports what the driver saw on Nest\'s client status stream', () => {
    const client = new FakeClient();
    const seen: string[] = [];
    const status = (client as unknown as { status?: { subscribe(next: (s: string) => void): unknown } }).status;
    status?.subscribe((value) => seen.push(value));
    client.driverSaw('connected');
    client.driverSaw('disconnected');
    client.driverSaw('reconnecting');
    // Nest 10 has no status stream: nothing to see there, and reporting must not throw.
    assert.deepEqual(seen, status ? ['connected', 'disconnected', 'reconnecting'] : []);
  });
});
