import { assertKnownKeys } from '../core/option-keys';
import { assertBoolean } from '../core/option-checks';
import { ACK_MODULE_OPTION_NAMES, type AckModuleOptions } from './ack-module-options';

/**
 * Returns `options` once every key is known and every value a boolean; else
 * throws `InvalidOptionError` naming the option (a misspelt one with the
 * closest known name), so a typo never falls back to a default in silence.
 */
export function checkAckModuleOptions(options: AckModuleOptions | undefined): AckModuleOptions {
  const checked = options ?? {};
  assertKnownKeys(checked, { keys: ACK_MODULE_OPTION_NAMES }, 'AckModule');
  for (const name of ACK_MODULE_OPTION_NAMES) {
    if (checked[name] !== undefined) assertBoolean(checked[name], name);
  }
  return checked;
}
