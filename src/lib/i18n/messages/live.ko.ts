// live.en.ts의 한국어. 같은 키를 모두 갖는다.
import type { liveEn } from './live.en';

export const liveKo: Record<keyof typeof liveEn, string> = {
};
