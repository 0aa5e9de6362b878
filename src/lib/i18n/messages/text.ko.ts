// text.en.ts의 한국어. 같은 키를 모두 갖는다.
// src/lib/markdown/heading-anchors.js가 빌드 때 'text.heading.link'를 이 소스에서 읽는다: 한 줄의 '…' 문자열로 둔다.
import type { textEn } from './text.en';

export const textKo: Record<keyof typeof textEn, string> = {
	'text.heading.link': '이 부분으로 가는 링크: {title}'
};
