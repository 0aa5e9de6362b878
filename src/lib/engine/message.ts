/**
 * The engine's messages a reader sees, raised or returned with their catalogue key (area 'engine',
 * src/lib/i18n/messages/engine.en.ts): `.message` is the English text, word for word what the CLI
 * prints and the tests read, and a page shows the key in its edition (errorText / t(key, params)).
 * Only the engine's own English catalogue is read here, not every edition's: this runs in the
 * workers too (the caffemodel import, the weight packing), which should not carry the whole site's text.
 */
import { engineEn } from '../i18n/messages/engine.en';

export type EngineKey = keyof typeof engineEn;
export type EngineParams = Readonly<Record<string, string | number>>;

/** A message to show a reader: its key and parameters, and its English text. */
export interface EngineMessage {
  readonly key: EngineKey;
  readonly params?: EngineParams;
  readonly message: string;
}

/** The English text of `key` with its {placeholders} filled in. */
export function englishOf(key: EngineKey, params?: EngineParams): string {
  const text: string = engineEn[key];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

export const engineMessage = (key: EngineKey, params?: EngineParams): EngineMessage => ({ key, params, message: englishOf(key, params) });

/**
 * An error with a catalogue message (or, from code that has none, a plain English text). Its
 * `key` and `params`, when it has them, make errorText() show it in the reader's edition.
 */
export class EngineError extends Error {
  readonly key?: EngineKey;
  readonly params?: EngineParams;

  constructor(what: string | EngineMessage) {
    super(typeof what === 'string' ? what : what.message);
    if (typeof what !== 'string') {
      this.key = what.key;
      this.params = what.params;
    }
  }

  /** An error of this class with `key`'s message. */
  static of<E extends EngineError>(this: new (what: EngineMessage) => E, key: EngineKey, params?: EngineParams): E {
    return new this(engineMessage(key, params));
  }
}

/** The message of an error that crossed postMessage (or any thrown value), key and all when it had one. */
export function messageOf(e: unknown): EngineMessage | { readonly message: string } {
  const m = e as Partial<EngineMessage> | null;
  const message = typeof m?.message === 'string' ? m.message : String(e);
  return typeof m?.key === 'string' && m.key in engineEn ? { key: m.key, params: m.params, message } : { message };
}
