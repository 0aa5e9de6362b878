// text.en.ts의 한국어. 같은 키를 모두 갖는다.
import type { textEn } from './text.en';

export const textKo: Record<keyof typeof textEn, string> = {
};
