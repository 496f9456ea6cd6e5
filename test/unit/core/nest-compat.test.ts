import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultStartHook, emitStatus, patternAsString, processingHooks, UNSERIALIZABLE_PATTERN } from '../../../lib/core/nest-compat';
import { InMemoryAckClient, InMemoryAckServer, InMemoryBroker } from '../../../lib/testing';
import { loadedNest } from '../../support/nest-version';

const nest = loadedNest();

// scripts/nest-majors.sh runs this file against every supported major; the first test names the one loaded.
describe(`nest-compat on @nestjs/microservices ${nest.version}`, () => {
  it(`loads @nestjs/microservices ${nest.version} from ${nest.path}`, () => {
    assert.ok([10, 11, 12].includes(nest.major), `unsupported major ${nest.major}`);
    if (process.env.NEST_MAJOR) assert.equal(nest.major, Number(process.env.NEST_MAJOR), 'the major this run was meant to test');
  });

  it('turns any pattern into its lookup key, never throwing', () => {
    assert.equal(patternAsString('orders.created'), 'orders.created');
    assert.equal(patternAsString({ cmd: 'sum' }), '{"cmd":"sum"}');
    assert.equal(patternAsString(7), '7');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(patternAsString(cyclic), UNSERIALIZABLE_PATTERN);
    assert.equal(patternAsString(10n), UNSERIALIZABLE_PATTERN);
  });

  it(nest.major >= 11 ? 'pushes the status to server.status (Nest >= 11)' : 'skips the status Nest 10 does not have', () => {
    const server = new InMemoryAckServer({ broker: new InMemoryBroker() });
    const status = (server as unknown as { status?: { subscribe(f: (s: string) => void): { unsubscribe(): void } } }).status;
    assert.equal(status !== undefined, nest.major >= 11, 'Nest >= 11 has a status stream');
    const seen: string[] = [];
    const subscription = status?.subscribe((s) => seen.push(s));
    emitStatus(server, 'connected');
    subscription?.unsubscribe();
    assert.deepEqual(seen, nest.major >= 11 ? ['connected'] : []);
    emitStatus(new InMemoryAckClient({ broker: new InMemoryBroker() }), 'connected'); // a client too, on any major
  });

  it(nest.major >= 11 ? 'finds the processing hooks and the transport id (Nest >= 11)' : 'finds no processing hooks on Nest 10', async () => {
    const server = new InMemoryAckServer({ broker: new InMemoryBroker() });
    assert.equal(typeof (server as unknown as { transportId?: symbol }).transportId, 'symbol');
    const hooks = processingHooks(server);
    assert.equal(hooks !== undefined, nest.major >= 11);
    if (!hooks) return;
    assert.equal(Symbol.keyFor(hooks.transportId as symbol), 'nestjs-ack.in-memory');
    let ran = false;
    await hooks.start({}, async () => (ran = true)); // Nest's default start hook just runs the work
    assert.ok(ran);
  });

  it('skips the processing hooks while only Nest\'s default start hook is set (it would only run the work)', () => {
    const server = new InMemoryAckServer({ broker: new InMemoryBroker() }) as unknown as {
      setOnProcessingStartHook?: (hook: (id: unknown, context: unknown, done: () => Promise<unknown>) => unknown) => void;
      setOnProcessingEndHook?: (hook: (id: unknown, context: unknown) => void) => void;
    };
    const nestDefault = defaultStartHook(server);
    assert.equal(processingHooks(server, nestDefault), undefined);
    if (nest.major < 11) return; // no hooks at all
    server.setOnProcessingEndHook!(() => undefined);
    assert.notEqual(processingHooks(server, nestDefault), undefined, 'an end hook alone needs the wrapping');
    const other = new InMemoryAckServer({ broker: new InMemoryBroker() }) as typeof server;
    other.setOnProcessingStartHook!((_id, _context, done) => done());
    assert.notEqual(processingHooks(other, nestDefault), undefined, 'a start hook of the application');
  });
});
