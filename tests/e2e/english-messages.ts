// The English a Korean page must not show, as korean-inspect.ts's `inspect` takes it: every English
// message that differs from its Korean, whole, and the long fixed parts of those with placeholders.
import { CATALOGUES } from '../../src/lib/i18n/translate';

const english: string[] = Object.entries(CATALOGUES.en)
	.filter(([key, en]) => en !== CATALOGUES.ko[key as keyof typeof CATALOGUES.ko])
	.map(([, en]) => en);

export const ENGLISH_MESSAGES = {
	whole: english.filter((en) => !/\{\w+\}/.test(en) && /[A-Za-z]{2}/.test(en)),
	parts: english.flatMap((en) => en.split(/\{\w+\}/).map((p) => p.trim())).filter((p) => p.length >= 16)
};
