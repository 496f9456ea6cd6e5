import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SettlementEvent } from '../../../lib';
import { InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';

// The checks that matter here are made by the compiler: `npm run build:test`
// fails if a `@ts-expect-error` line stops being an error.
describe('server events are typed', () => {
  it('accepts the known events with their payloads and refuses a misspelt one', () => {
    const server = new InMemoryAckServer({ broker: new InMemoryBroker() });
    const kinds: string[] = [];
    server.on('settled', (event: SettlementEvent) => kinds.push(event.settlement.kind));
    server.on('reconnecting', (attempt: number) => kinds.push(String(attempt)));
    // @ts-expect-error 'settld' is not an event of a nestjs-ack server
    server.on('settld', () => undefined);
    // @ts-expect-error 'reconnecting' hands a number, not an event object
    server.on('reconnecting', (event: SettlementEvent) => event.settlement);
    assert.equal(server.on('handled', () => undefined), server, 'on() chains');
  });
});
