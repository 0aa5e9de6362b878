// engine.en.ts의 한국어. 같은 키를 모두 갖는다.
import type { engineEn } from './engine.en';

export const engineKo: Record<keyof typeof engineEn, string> = {
};
