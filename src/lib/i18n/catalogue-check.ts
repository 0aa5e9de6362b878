// What is wrong between two message catalogues: a key in one only, an empty message, or a
// message whose {placeholders} differ from its counterpart's. One line each; [] when nothing is.
import { placeholders } from './translate';

export function catalogueProblems(catalogues: Readonly<Record<string, Readonly<Record<string, string>>>>): string[] {
	const langs = Object.keys(catalogues);
	const keys = new Set(langs.flatMap((l) => Object.keys(catalogues[l])));
	const out: string[] = [];
	for (const key of [...keys].sort()) {
		const present = langs.filter((l) => key in catalogues[l]);
		if (present.length < langs.length) {
			out.push(`${key}: only in ${present.join(', ')}`);
			continue;
		}
		for (const l of langs) if (!catalogues[l][key].trim()) out.push(`${key}: empty in ${l}`);
		const shapes = new Set(langs.map((l) => placeholders(catalogues[l][key]).join(',')));
		if (shapes.size > 1) out.push(`${key}: placeholders differ (${langs.map((l) => `${l} {${placeholders(catalogues[l][key]).join(',')}}`).join(' ')})`);
	}
	return out;
}
