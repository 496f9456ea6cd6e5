import { Catch, Module, type ArgumentsHost, type DynamicModule, type OnModuleDestroy, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import { AckControlException } from '../core/ack-control.exception';
import { ackModuleStarted, ackModuleStopped } from '../core/ack-module-presence';
import { AckExceptionFilter } from './ack-exception.filter';
import { ACK_MODULE_OPTIONS, type AckModuleAsyncOptions, type AckModuleOptions } from './ack-module-options';
import { recordThrownErrors } from './thrown-error-recorder';

/** Where the global filter is turned off, control exceptions get Nest's default treatment. */
@Catch(AckControlException)
class DefaultRpcFilter extends BaseRpcExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    return super.catch(exception, host);
  }
}

const globalFilterProvider: Provider = {
  provide: APP_FILTER,
  useFactory: (options: AckModuleOptions, filter: AckExceptionFilter) =>
    options.globalFilter === false ? new DefaultRpcFilter() : filter,
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
export class AckModule implements OnModuleDestroy {
  /**
   * In the constructor, not `onModuleInit`: a hybrid app's `startAllMicroservices()` may start consuming
   * before the app's init hooks run (they run in `app.listen()`), and every delivery must find the
   * recording in place. Also lets servers check at start that the module is there (they warn when not).
   */
  constructor() {
    recordThrownErrors();
    ackModuleStarted();
  }

  onModuleDestroy(): void {
    ackModuleStopped();
  }

  static forRoot(options: AckModuleOptions = {}): DynamicModule {
    return AckModule.create([{ provide: ACK_MODULE_OPTIONS, useValue: options }]);
  }

  static forRootAsync(options: AckModuleAsyncOptions): DynamicModule {
    return AckModule.create(
      [{ provide: ACK_MODULE_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] }],
      options.imports,
    );
  }

  private static create(optionsProviders: Provider[], imports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: AckModule,
      global: true,
      imports,
      providers: [...optionsProviders, AckExceptionFilter, globalFilterProvider],
      exports: [ACK_MODULE_OPTIONS, AckExceptionFilter],
    };
  }
}
