import type { LoggerService } from '@nestjs/common';
import { logLevel, type logCreator } from 'kafkajs';

/**
 * Routes kafkajs logs to a Nest logger: the message and the error text only
 * (never the extra fields, which may describe connections).
 */
export function nestLogCreator(logger: LoggerService): logCreator {
  return () => ({ namespace, level, log }) => {
    const error = typeof log.error === 'string' ? ` (${log.error})` : '';
    const text = `kafkajs ${namespace}: ${log.message}${error}`;
    if (level === logLevel.ERROR) logger.error(text);
    else if (level === logLevel.WARN) logger.warn(text);
    else if (level === logLevel.INFO) logger.log(text);
    else logger.debug?.(text);
  };
}
