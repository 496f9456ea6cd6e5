import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { currentDeliveryScope } from '../core/delivery-scope';

/**
 * Records a handler's original error in the delivery scope before exception
 * filters replace it (Nest's default turns every error into "Internal server
 * error"), so logs and dead letters keep its real name and message.
 * Registered globally by `AckModule`; changes nothing about the error itself.
 */
@Injectable()
export class AckErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error) => {
        const scope = currentDeliveryScope();
        if (scope) scope.lastError = error;
        return throwError(() => error);
      }),
    );
  }
}
