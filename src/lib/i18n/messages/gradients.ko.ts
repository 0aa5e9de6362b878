// gradients.en.ts의 한국어. 같은 키를 모두 갖는다.
import type { gradientsEn } from './gradients.en';

export const gradientsKo: Record<keyof typeof gradientsEn, string> = {
};
