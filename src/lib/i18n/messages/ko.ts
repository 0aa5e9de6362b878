// 한국어판의 인터페이스 문구. en.ts와 같은 키를 모두 갖는다(없거나 남는 키는 타입 오류).
import type { MessageKey } from './en';

export const ko: Record<MessageKey, string> = {
	'quote.original': '원문',
	'quote.show': '논문의 영어 원문 보기',
	'quote.hide': '논문의 영어 원문 숨기기'
};
