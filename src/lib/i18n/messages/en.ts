// The English edition's interface text, one key per message; {name} marks a placeholder filled by
// t(key, { name }). Korean is in ko.ts, typed against this file: a key missing or extra there is a
// type error, and tests/unit/i18n/messages.test.ts fails on it too.
export const en = {
	'quote.original': 'Original',
	'quote.show': 'Show the paper’s original English',
	'quote.hide': 'Hide the paper’s original English',
	'site.name': 'Going Deeper, Interactively',
	'nav.label': 'Main',
	'nav.home': 'Home',
	'nav.table1': 'Table 1',
	'nav.architecture': 'Architecture',
	'nav.live': 'Live',
	'nav.chapters': 'Chapters',
	'layout.skip': 'Skip to content',
	'footer.text': 'Based on Szegedy et al., “Going Deeper with Convolutions” (CVPR 2015). Everything runs in your browser; nothing is sent anywhere.',
	'lang.switch': '한국어',
	'offer.label': 'Korean edition',
	'offer.text': 'This site has a Korean edition.',
	'offer.go': 'Read it in Korean',
	'offer.dismiss': 'No, thanks',
	'chapters.nav': 'Chapters',
	'chapters.previous': 'Previous',
	'chapters.next': 'Next',
	'chapters.all': 'All chapters',
	'chapters.title': 'Chapters',
	'chapters.intro': 'The notebook follows the paper section by section. Each chapter is prose you can read on its own, with the paper’s numbers computed in front of you and widgets to change them.',
	'chapter.untranslated': 'This chapter has no Korean translation yet; it is shown in English.',
	'error.notFound': 'Page not found',
	'error.failed': 'Something went wrong',
	'error.noPage.before': 'There is no page at ',
	'error.noPage.after': '. The address may be mistyped, or the page may have moved.',
	'error.couldNotShow': 'The page could not be shown.',
	'error.status': 'status {status}',
	'error.home': 'Go to the home page',
	'error.sections': ', or to one of the site\'s sections:'
} as const;

export type MessageKey = keyof typeof en;
