import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { AllListed, KeysListed } from '../core/option-keys';

/** Options of `AckModule.forRoot()`. */
export interface AckModuleOptions {
  /**
   * Registers `AckExceptionFilter` for every handler (as `APP_FILTER`). Turn it
   * off to place it yourself with `@UseFilters(AckExceptionFilter)`: then the
   * module registers no global filter at all, and a control exception meets
   * your filters, or Nest's default, like any `RpcException`. Settlement still
   * happens without the filter; it only makes it immediate and keeps the
   * exception's class for your other filters.
   * @defaultValue true
   */
  globalFilter?: boolean;

  /**
   * Records each handler's error as it was thrown, so dead letters
   * (`errorName`, `errorMessage`) and failure logs name the handler's own error.
   * It wraps one method of Nest, `RpcExceptionsHandler#handle`, once per
   * process and only while an `AckModule` lives. Off, that method is left
   * alone, and a plain `Error` reaches dead letters as Nest's default filter
   * made it: `Error`, `Internal server error`. Settlement is the same either way.
   * @defaultValue true
   */
  recordThrownErrors?: boolean;
}

/** Every key of `AckModuleOptions`: a key not listed here is refused, with the closest known name. */
export const ACK_MODULE_OPTION_NAMES = ['globalFilter', 'recordThrownErrors'] as const satisfies readonly (keyof AckModuleOptions)[];
type _AckModule = AllListed<KeysListed<AckModuleOptions, typeof ACK_MODULE_OPTION_NAMES>>;

/** Options of `AckModule.forRootAsync()`. */
export interface AckModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  /** Returns the module's options (the same as `forRoot()`'s), checked when it resolves. */
  useFactory: (...args: any[]) => AckModuleOptions | Promise<AckModuleOptions>;
  /**
   * Providers handed to `useFactory`, in order.
   * @defaultValue []
   */
  inject?: FactoryProvider['inject'];
}

/** Injection token of the resolved `AckModuleOptions`. */
export const ACK_MODULE_OPTIONS = Symbol('nestjs-ack:module-options');
