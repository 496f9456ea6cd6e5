import { Catch, Inject, Optional, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import { from, mergeMap, throwError, type Observable } from 'rxjs';
import { isAckContext } from '../core/ack-context';
import { AckControlException } from '../core/ack-control.exception';
import { ACK_MODULE_OPTIONS, type AckModuleOptions } from './ack-module-options';

/**
 * Turns `AckMessage`, `NackMessage` and `RejectMessage` into broker commands
 * at once, and passes the exception on with its class intact. Registered
 * globally by `AckModule.forRoot()`; also usable with `@UseFilters()`.
 */
@Catch(AckControlException)
export class AckExceptionFilter implements RpcExceptionFilter<AckControlException> {
  private readonly fallback = new BaseRpcExceptionFilter();

  constructor(@Optional() @Inject(ACK_MODULE_OPTIONS) private readonly options: AckModuleOptions = {}) {}

  catch(exception: AckControlException, host: ArgumentsHost): Observable<never> {
    const context = host.switchToRpc().getContext();
    if (!isAckContext(context)) {
      // Not a nestjs-ack transport: behave as Nest's own filter would.
      return this.fallback.catch(exception, host) as Observable<never>;
    }
    return from(context.settle(exception.toSettlement())).pipe(mergeMap(() => throwError(() => exception)));
  }

  /** Whether `AckModule` registered this filter globally. */
  get isGlobal(): boolean {
    return this.options.globalFilter !== false;
  }
}
