import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { isAckContext } from '../core/ack-context';

/**
 * Records a handler's error on its `AckContext` as it was thrown, before
 * exception filters replace it (Nest's default turns every error into
 * "Internal server error"), so logs and dead letters keep its real name and
 * message; changes nothing about the error.
 *
 * `AckModule` no longer registers it: the module records thrown errors
 * without running anything per message (`ThrownErrorRecorder`), where a global
 * interceptor costs every message Nest's interceptor plumbing (a quarter of a
 * no-op handler's throughput on the in-memory transport). Kept for
 * applications that registered it themselves.
 */
@Injectable()
export class AckErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error) => {
        const rpcContext = context.getType() === 'rpc' ? context.switchToRpc().getContext() : undefined;
        if (isAckContext(rpcContext)) rpcContext.thrownError = error;
        return throwError(() => error);
      }),
    );
  }
}
