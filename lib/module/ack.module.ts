import { Inject, Module, Optional, type DynamicModule, type OnApplicationShutdown, type OnModuleDestroy, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ackModuleStarted, ackModuleStopped } from '../core/ack-module-presence';
import { AckExceptionFilter } from './ack-exception.filter';
import { ACK_MODULE_OPTIONS, type AckModuleAsyncOptions, type AckModuleOptions } from './ack-module-options';
import { checkAckModuleOptions } from './check-ack-module-options';
import { thrownErrorRecorder, type StopRecording } from './thrown-error-recorder';

/** `forRoot()` knows its options up front: with `globalFilter: false` it lists no `APP_FILTER` at all. */
const globalFilterProvider: Provider = { provide: APP_FILTER, useFactory: (filter: AckExceptionFilter) => filter, inject: [AckExceptionFilter] };

/**
 * `forRootAsync()` learns `globalFilter` only when its factory resolves, after
 * the providers are listed: with `false` this one gives nothing, and Nest skips
 * an `APP_FILTER` without an instance (no filter runs, none is consulted).
 */
const asyncGlobalFilterProvider: Provider = {
  provide: APP_FILTER,
  useFactory: (options: AckModuleOptions, filter: AckExceptionFilter) => (options.globalFilter === false ? null : filter),
  inject: [ACK_MODULE_OPTIONS, AckExceptionFilter],
};

/**
 * Wires nestjs-ack into an application: the global exception filter that
 * turns control exceptions into settlements, the recording of handlers'
 * errors as thrown (for logs and dead letters; nothing runs while handlers
 * succeed), and the injectable options.
 *
 * @example
 * ```ts
 * @Module({ imports: [AckModule.forRoot()], controllers: [OrdersController] })
 * export class AppModule {}
 * ```
 */
@Module({})
export class AckModule implements OnModuleDestroy, OnApplicationShutdown {
  private readonly stopRecording: StopRecording | undefined;

  /**
   * In the constructor, not `onModuleInit`: a hybrid app's `startAllMicroservices()` may start consuming
   * before the app's init hooks run (they run in `app.listen()`), and every delivery must find the
   * recording in place. Also lets servers check at start that the module is there (they warn when not).
   */
  constructor(@Optional() @Inject(ACK_MODULE_OPTIONS) options: AckModuleOptions = {}) {
    if (options.recordThrownErrors !== false) this.stopRecording = thrownErrorRecorder.install();
    ackModuleStarted();
  }

  onModuleDestroy(): void {
    ackModuleStopped();
  }

  /**
   * Not `onModuleDestroy`: a hybrid app runs that hook before it closes its microservices, whose
   * in-flight handlers may still fail and deserve a recorded error.
   */
  onApplicationShutdown(): void {
    this.stopRecording?.();
  }

  static forRoot(options: AckModuleOptions = {}): DynamicModule {
    const checked = checkAckModuleOptions(options);
    return AckModule.create(
      [{ provide: ACK_MODULE_OPTIONS, useValue: checked }],
      checked.globalFilter === false ? [] : [globalFilterProvider],
    );
  }

  static forRootAsync(options: AckModuleAsyncOptions): DynamicModule {
    const useFactory = async (...args: unknown[]) => checkAckModuleOptions(await options.useFactory(...args));
    return AckModule.create(
      [{ provide: ACK_MODULE_OPTIONS, useFactory, inject: options.inject ?? [] }],
      [asyncGlobalFilterProvider],
      options.imports,
    );
  }

  private static create(optionsProviders: Provider[], filterProviders: Provider[], imports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: AckModule,
      global: true,
      imports,
      providers: [...optionsProviders, AckExceptionFilter, ...filterProviders],
      exports: [ACK_MODULE_OPTIONS, AckExceptionFilter],
    };
  }
}
