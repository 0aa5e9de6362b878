// widgets.en.ts의 한국어. 같은 키를 모두 갖는다.
import type { widgetsEn } from './widgets.en';

export const widgetsKo: Record<keyof typeof widgetsEn, string> = {
};
