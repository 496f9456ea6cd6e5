import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { ThrownErrorRecorder } from '../../../lib/module/thrown-error-recorder';
import { CaptureLogger } from '../../support/capture-logger';

// The recorder on a stand-in for Nest's RpcExceptionsHandler, loaded through an injected loader: what it
// wraps, when it puts Nest's method back, and what it does when the class cannot be found.

const MARKER = Symbol.for('nestjs-ack.thrown-error-recorder');

/** A fresh stand-in class per test: its `handle` answers what Nest's default filter would. */
function fakeHandlerClass() {
  return class FakeRpcExceptionsHandler {
    handle(exception: unknown, host: unknown) {
      return { answered: 'Internal server error', exception, host };
    }
  };
}

/** Passes `isAckContext` (it checks the shape, so two copies of the package agree). */
function fakeContext(): { thrownError?: unknown; settle(): Promise<boolean>; getDeliveryCount(): number } {
  return { settle: async () => true, getDeliveryCount: () => 1 };
}

function hostOf(...args: unknown[]) {
  return { getArgByIndex: (index: number) => args[index] };
}

function warnings() {
  const lines: string[] = [];
  return { lines, warn: (message: unknown) => void lines.push(String(message)) };
}

describe('ThrownErrorRecorder', () => {
  it('records the error on an AckContext, then calls the original handle with the same arguments and returns its answer', () => {
    const Handler = fakeHandlerClass();
    const original = Handler.prototype.handle;
    const stop = new ThrownErrorRecorder(() => Handler, warnings()).install();
    try {
      assert.notEqual(Handler.prototype.handle, original, 'handle is wrapped');
      const context = fakeContext();
      const error = new TypeError('no items');
      const host = hostOf({ id: 1 }, context);
      assert.deepEqual(new Handler().handle(error, host), { answered: 'Internal server error', exception: error, host });
      assert.equal(context.thrownError, error);
      // Another transport's context (or none) is left alone.
      const foreign = { args: true } as Record<string, unknown>;
      new Handler().handle(error, hostOf({}, foreign));
      assert.equal(foreign.thrownError, undefined);
      assert.doesNotThrow(() => new Handler().handle(error, undefined));
    } finally {
      stop();
    }
  });

  it('several installs (modules, or copies of the package) share one wrapper; the last stop puts the original back', () => {
    const Handler = fakeHandlerClass();
    const original = Handler.prototype.handle;
    // Two recorders stand for two copies of the package: they meet through the Symbol.for marker only.
    const stopFirst = new ThrownErrorRecorder(() => Handler, warnings()).install();
    const wrapped = Handler.prototype.handle;
    const stopSecond = new ThrownErrorRecorder(() => Handler, warnings()).install();
    assert.equal(Handler.prototype.handle, wrapped, 'wrapped once');
    assert.equal((wrapped as unknown as Record<symbol, { installs: number }>)[MARKER].installs, 2);

    stopFirst();
    stopFirst(); // a second call of the same stop counts once
    assert.equal(Handler.prototype.handle, wrapped, 'still recording for the second install');
    const context = fakeContext();
    new Handler().handle(new Error('still recorded'), hostOf({}, context));
    assert.equal((context.thrownError as Error).message, 'still recorded');

    stopSecond();
    assert.equal(Handler.prototype.handle, original, 'Nest\'s own handle is back');
    assert.equal(Object.getOwnPropertySymbols(Handler.prototype.handle).length, 0);
  });

  it('a handle wrapped again by someone else after it stays theirs; ours, left inside, records nothing once stopped', () => {
    const Handler = fakeHandlerClass();
    const stop = new ThrownErrorRecorder(() => Handler, warnings()).install();
    const ours = Handler.prototype.handle;
    const theirs = function (this: unknown, ...args: unknown[]) {
      return (ours as (...a: unknown[]) => unknown).apply(this, args);
    };
    Handler.prototype.handle = theirs as typeof Handler.prototype.handle;
    stop();
    assert.equal(Handler.prototype.handle, theirs);
    const context = fakeContext();
    new Handler().handle(new Error('not recorded'), hostOf({}, context));
    assert.equal(context.thrownError, undefined);
  });

  it('a loader that throws: one warning naming the file and the consequence, no throw, nothing recorded', () => {
    const log = warnings();
    let loads = 0;
    const recorder = new ThrownErrorRecorder(() => {
      loads++;
      throw Object.assign(new Error("Cannot find module '@nestjs/microservices/exceptions/rpc-exceptions-handler'\nRequire stack:\n- /app/x.js"), { code: 'MODULE_NOT_FOUND' });
    }, log);
    const stopFirst = recorder.install();
    const stopSecond = recorder.install();
    assert.doesNotThrow(() => (stopFirst(), stopSecond()));
    assert.equal(loads, 1, 'loaded once');
    assert.equal(log.lines.length, 1, log.lines.join('\n'));
    const [line] = log.lines;
    assert.match(line, /@nestjs\/microservices\/exceptions\/rpc-exceptions-handler/);
    assert.match(line, /Cannot find module/);
    assert.doesNotMatch(line, /Require stack/, 'the first line of the loader\'s error only');
    assert.match(line, /not recorded/);
    assert.match(line, /Internal server error/);
    assert.match(line, /recordThrownErrors: false/);
  });

  for (const [what, loaded] of [
    ['no class', undefined],
    ['a class without handle()', class Moved {}],
    ['a handle that is not a function', { prototype: { handle: 'no' } }],
  ] as const) {
    it(`a loader that gives ${what}: one warning, nothing patched`, () => {
      const log = warnings();
      const recorder = new ThrownErrorRecorder(() => loaded, log);
      recorder.install()();
      recorder.install()();
      assert.equal(log.lines.length, 1, log.lines.join('\n'));
      assert.match(log.lines[0], /has no RpcExceptionsHandler class with a handle\(\) method/);
      if (typeof loaded === 'function') assert.equal(Object.getOwnPropertyNames(loaded.prototype).includes('handle'), false);
    });
  }

  it('the wrapper of nestjs-ack 0.1 (marker true, never removed) is wrapped in turn, and ours comes off again', () => {
    const Handler = fakeHandlerClass();
    const older = Handler.prototype.handle;
    (older as unknown as Record<symbol, unknown>)[MARKER] = true;
    const stop = new ThrownErrorRecorder(() => Handler, warnings()).install();
    assert.notEqual(Handler.prototype.handle, older);
    const context = fakeContext();
    new Handler().handle(new Error('recorded'), hostOf({}, context));
    assert.equal((context.thrownError as Error).message, 'recorded');
    stop();
    assert.equal(Handler.prototype.handle, older);
  });

  it('warns through Nest\'s Logger, context AckModule, by default', () => {
    const capture = new CaptureLogger();
    Logger.overrideLogger(capture);
    try {
      new ThrownErrorRecorder(() => undefined).install()();
    } finally {
      Logger.overrideLogger(new ConsoleLogger());
    }
    assert.equal(capture.lines.length, 1);
    assert.equal(capture.lines[0].level, 'warn');
    assert.match(capture.lines[0].text, /not recorded[\s\S]*\nAckModule$/);
  });
});
