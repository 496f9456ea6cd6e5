import { type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { type AckModuleAsyncOptions, type AckModuleOptions } from './ack-module-options';
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
export declare class AckModule implements OnModuleDestroy {
    /**
     * In the constructor, not `onModuleInit`: a hybrid app's `startAllMicroservices()` may start consuming
     * before the app's init hooks run (they run in `app.listen()`), and every delivery must find the
     * recording in place. Also lets servers check at start that the module is there (they warn when not).
     */
    constructor();
    onModuleDestroy(): void;
    static forRoot(options?: AckModuleOptions): DynamicModule;
    static forRootAsync(options: AckModuleAsyncOptions): DynamicModule;
    private static create;
}
