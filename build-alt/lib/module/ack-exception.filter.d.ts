import { type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable } from 'rxjs';
import { AckControlException } from '../core/ack-control.exception';
import { type AckModuleOptions } from './ack-module-options';
/**
 * Turns `AckMessage`, `NackMessage` and `RejectMessage` into broker commands
 * at once, and passes the exception on with its class intact. Registered
 * globally by `AckModule.forRoot()`; also usable with `@UseFilters()`.
 */
export declare class AckExceptionFilter implements RpcExceptionFilter<AckControlException> {
    private readonly options;
    private readonly fallback;
    constructor(options?: AckModuleOptions);
    catch(exception: AckControlException, host: ArgumentsHost): Observable<never>;
    /** Whether `AckModule` registered this filter globally. */
    get isGlobal(): boolean;
}
