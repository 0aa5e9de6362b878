// engine.en.ts의 한국어. 같은 키를 모두 갖는다.
import type { engineEn } from './engine.en';

export const engineKo: Record<keyof typeof engineEn, string> = {
	'engine.grad.workerFailed': '기울기 계산 워커가 실패했다: {reason}',
	'engine.grad.workerSilent': '기울기 계산 워커가 {seconds} s 동안 응답하지 않았다. 다시 시도하라',
};
