import { Logger } from '@nestjs/common';
import { isAckContext } from '../core/ack-context';
import { loadRpcExceptionsHandler, RPC_EXCEPTIONS_HANDLER_MODULE, type RpcExceptionsHandlerLoader } from './rpc-exceptions-handler-loader';

/** Marks the wrapped `handle`, so two copies of this package wrap it once and share its install count. */
const RECORDER = Symbol.for('nestjs-ack.thrown-error-recorder');

/** Kept on the wrapper itself: every copy of the package in the process finds it there. */
interface WrapperState {
  readonly original: Handle;
  installs: number;
}

/** `true` marks the wrapper of nestjs-ack 0.1, which stays for the process: ours then wraps it. */
type Handle = ((this: unknown, exception: unknown, host: unknown, ...rest: unknown[]) => unknown) & { [RECORDER]?: WrapperState | true };

interface HandlerPrototype {
  handle: Handle;
}

/** Undoes one `install()`; calling it again does nothing. */
export type StopRecording = () => void;

/**
 * Records a handler's error on its `AckContext` as it was thrown, before
 * exception filters replace it (Nest's default turns every error into
 * "Internal server error"), so logs and dead letters keep its real name and
 * message.
 *
 * Where: every error of an RPC handler (its guards, interceptors, pipes and
 * the method itself) reaches `RpcExceptionsHandler#handle(error, host)`, the
 * per-handler object that then picks the exception filter (Nest 10, 11 and
 * 12 alike); `host` carries the handler's arguments, `[data, ctx]`. The
 * wrapper only writes `ctx.thrownError` when `ctx` is an `AckContext`, then
 * calls Nest's own `handle` with the same arguments and returns its result:
 * which filter runs, and what it answers, stay Nest's and the application's.
 * Unlike a global interceptor it costs nothing while handlers succeed, and
 * unlike a catch-all global filter it never stands in the way of the
 * application's own filters or of HTTP and WebSocket errors in hybrid apps.
 *
 * One wrapper per process, however many `AckModule`s (or copies of this
 * package) install it; Nest's own `handle` is put back when the last one
 * stops. Where Nest's class cannot be found, one warning, and errors are not
 * recorded: nothing fails.
 */
export class ThrownErrorRecorder {
  private prototype: HandlerPrototype | null | undefined;

  constructor(
    private readonly load: RpcExceptionsHandlerLoader = loadRpcExceptionsHandler,
    private readonly logger: Pick<Logger, 'warn'> = new Logger('AckModule'),
  ) {}

  /** Starts recording (or counts one more user of the recording already in place). */
  install(): StopRecording {
    const prototype = this.handlerPrototype();
    if (prototype === null) return () => undefined;
    const marker = prototype.handle[RECORDER];
    const state = typeof marker === 'object' ? marker : wrap(prototype);
    state.installs++;
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      state.installs--;
      // Put Nest's own back, unless something wrapped `handle` after us: then ours stays, idle (installs is 0).
      if (state.installs === 0 && prototype.handle[RECORDER] === state) prototype.handle = state.original;
    };
  }

  /** Loaded once per recorder; `null` (after one warning) when Nest's class is not where expected. */
  private handlerPrototype(): HandlerPrototype | null {
    if (this.prototype !== undefined) return this.prototype;
    let handlerClass: unknown;
    try {
      handlerClass = this.load();
    } catch (error) {
      return this.unavailable(`could not load ${RPC_EXCEPTIONS_HANDLER_MODULE} (${firstLine(error)})`);
    }
    const prototype = (handlerClass as { prototype?: Partial<HandlerPrototype> } | undefined)?.prototype;
    if (typeof prototype?.handle !== 'function') {
      return this.unavailable(`${RPC_EXCEPTIONS_HANDLER_MODULE} has no RpcExceptionsHandler class with a handle() method`);
    }
    return (this.prototype = prototype as HandlerPrototype);
  }

  private unavailable(what: string): null {
    this.logger.warn(
      `handlers' errors are not recorded: ${what}. Dead letters and failure logs show what Nest's exception filter ` +
        `made of an error (for a plain Error: "Internal server error") instead of the handler's own error. ` +
        `AckModule.forRoot({ recordThrownErrors: false }) turns the recording off, and this warning with it.`,
    );
    return (this.prototype = null);
  }
}

function wrap(prototype: HandlerPrototype): WrapperState {
  const state: WrapperState = { original: prototype.handle, installs: 0 };
  const handle: Handle = function (this: unknown, exception: unknown, host: unknown, ...rest: unknown[]) {
    if (state.installs > 0) {
      const context = (host as { getArgByIndex?: (index: number) => unknown } | undefined)?.getArgByIndex?.(1);
      if (isAckContext(context)) context.thrownError = exception;
    }
    return state.original.call(this, exception, host, ...rest);
  };
  handle[RECORDER] = state;
  prototype.handle = handle;
  return state;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}

/** The recorder `AckModule` installs: Nest's real class, loaded the first time a module starts. */
export const thrownErrorRecorder = new ThrownErrorRecorder();
