// diagram.en.ts의 한국어. 같은 키를 모두 갖는다.
import type { diagramEn } from './diagram.en';

export const diagramKo: Record<keyof typeof diagramEn, string> = {
};
