/**
 * The widgets' sentences come from the message catalogue (area 'gradients'): the helpers here take
 * the reader's `t` and default to English, which is what the CLI and the unit tests read.
 */
import { translate, type MessageKey, type Params } from '../../i18n/translate';

export type Translate = (key: MessageKey, params?: Params) => string;

export const english: Translate = (key, params) => translate('en', key, params);
