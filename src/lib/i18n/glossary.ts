// The terms of the paper in both editions: one entry per term, the English as the paper writes it
// and the Korean as the site writes it (the reader's study notes' usage where it is standard).
// Korean chapters write the English in parentheses at a term's first use: 차원 축소(dimension
// reduction). Product names (GoogLeNet, Inception, ImageNet, ILSVRC, R-CNN, Caffe, DistBelief),
// units (K, M, G), layer names and formulas are never translated, so they are not here.
// tests/unit/i18n/glossary.test.ts holds every entry to both languages.

export interface GlossaryTerm {
	readonly id: string;
	readonly en: string;
	readonly ko: string;
}

export const GLOSSARY = [
	{ id: 'dimension-reduction', en: 'dimension reduction', ko: '차원 축소' },
	{ id: 'sparse-connections', en: 'sparse connections', ko: '희소 연결' },
	{ id: 'hebbian-principle', en: 'Hebbian principle', ko: '헤비안 원리' },
	{ id: 'auxiliary-classifier', en: 'auxiliary classifier', ko: '보조 분류기' },
	{ id: 'convolution', en: 'convolution', ko: '합성곱' },
	{ id: 'feature-map', en: 'feature map', ko: '특징 맵' },
	{ id: 'multiply-adds', en: 'multiply-adds', ko: '곱셈-덧셈 연산' },
	{ id: 'parameters', en: 'parameters', ko: '매개변수' },
	{ id: 'multi-scale', en: 'multi-scale', ko: '다중 스케일' },
	{ id: 'inception-module', en: 'Inception module', ko: '인셉션 모듈' },
	{ id: 'pooling', en: 'pooling', ko: '풀링' },
	{ id: 'max-pooling', en: 'max pooling', ko: '최대 풀링' },
	{ id: 'average-pooling', en: 'average pooling', ko: '평균 풀링' },
	{ id: 'fully-connected-layer', en: 'fully connected layer', ko: '완전 연결 층' },
	{ id: 'activation', en: 'activation', ko: '활성화' },
	{ id: 'dropout', en: 'dropout', ko: '드롭아웃' },
	{ id: 'learning-rate', en: 'learning rate', ko: '학습률' },
	{ id: 'ensemble', en: 'ensemble', ko: '앙상블' },
	{ id: 'crop', en: 'crop', ko: '크롭' },
	{ id: 'top-5-error', en: 'top-5 error', ko: '상위 5 오류율' },
	{ id: 'bottleneck', en: 'bottleneck', ko: '병목' },
	{ id: 'layer', en: 'layer', ko: '층' },
	{ id: 'channel', en: 'channel', ko: '채널' },
	{ id: 'filter', en: 'filter', ko: '필터' },
	{ id: 'weights', en: 'weights', ko: '가중치' },
	{ id: 'backpropagation', en: 'backpropagation', ko: '역전파' },
	{ id: 'normalization', en: 'normalization', ko: '정규화' }
] as const satisfies readonly GlossaryTerm[];

export type TermId = (typeof GLOSSARY)[number]['id'];

const byId = new Map<string, GlossaryTerm>(GLOSSARY.map((t) => [t.id, t]));

/** A term in one language: term('feature-map', 'ko') -> "특징 맵". */
export function term(id: TermId, locale: 'en' | 'ko'): string {
	const entry = byId.get(id);
	if (!entry) throw new Error(`glossary: no term "${id}"`);
	return entry[locale];
}
