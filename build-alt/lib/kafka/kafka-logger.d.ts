import type { LoggerService } from '@nestjs/common';
import { type logCreator } from 'kafkajs';
/**
 * Routes kafkajs logs to a Nest logger: the message and the error text only
 * (never the extra fields, which may describe connections).
 *
 * A failed produce is logged by kafkajs twice (its `Connection` and `Producer`
 * namespaces) on every attempt; the sender reports it itself (a refused dead
 * letter at most once per interval, a failed reply once), so those two lines
 * go to debug: a dead-letter topic refusing a record must not flood the log.
 */
export declare function nestLogCreator(logger: LoggerService): logCreator;
