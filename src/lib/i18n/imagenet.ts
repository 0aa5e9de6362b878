// ImageNet's 1000 class names in the reader's edition. The English label is the one the model's
// labels file carries (synset_words.txt, cut to the names by the engine); the Korean names are the
// notebook's own translation, keyed by WordNet id in the labels' order (imagenet-ko.ts).
import type { Locale } from './locale';
import { IMAGENET_KO } from './imagenet-ko';

/** The name of class `index` in `locale`: the English `label` for 'en', the Korean name for 'ko' (the label where none is written). */
export function imagenetName(index: number, label: string, locale: Locale): string {
	if (locale === 'en') return label;
	const entry = IMAGENET_KO[index];
	return entry && entry[1] !== '' ? entry[1] : label;
}
