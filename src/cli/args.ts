/** Command-line parsing shared by every command: strict flags, one-line errors, exit code 2. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A usage problem: the command prints its message on one line and exits with 2. */
export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (e) {
    // Node's messages are multi-line and mention internals; keep the first sentence.
    throw new UsageError((e as Error).message.split('\n')[0].replace(/\. To specify.*$/, ''));
  }
}

/** Checks that a flag's value is one of `choices`. */
export function oneOf<T extends string>(flag: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${flag} "${value}": expected ${choices.join(' or ')}`);
}
