import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
/** Options of `AckModule.forRoot()`. */
export interface AckModuleOptions {
    /**
     * Registers `AckExceptionFilter` for every handler (as `APP_FILTER`). Turn it
     * off to place it yourself with `@UseFilters(AckExceptionFilter)`; settlement
     * still happens without it, the filter only makes it immediate and keeps
     * the exception's class for your other filters.
     * @defaultValue true
     */
    globalFilter?: boolean;
}
/** Options of `AckModule.forRootAsync()`. */
export interface AckModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
    useFactory: (...args: any[]) => AckModuleOptions | Promise<AckModuleOptions>;
    inject?: FactoryProvider['inject'];
}
/** Injection token of the resolved `AckModuleOptions`. */
export declare const ACK_MODULE_OPTIONS: unique symbol;
