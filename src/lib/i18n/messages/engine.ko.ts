// engine.en.ts의 한국어. 같은 키를 모두 갖는다.
import type { engineEn } from './engine.en';

export const engineKo: Record<keyof typeof engineEn, string> = {
	'engine.grad.workerFailed': '기울기 계산 워커가 실패했다: {reason}',
	'engine.grad.workerSilent': '기울기 계산 워커가 {seconds} s 동안 응답하지 않았다. 다시 시도하라',
	'engine.grad.caveat.gradientTimesInput':
		'기울기 돌출 맵(기울기 × 입력, Shrikumar et al., 2016): |∂ 클래스 점수 / ∂ 픽셀 × 픽셀|, 픽셀은 평균 이미지에서 뺀 값, 세 색을 더한 것, {size}×{size}. 사진 자체의 윤곽도 따라간다. 잡음이 많고, 중요도가 아니라 민감도(점수를 바꿀 곳)를 보여 준다.',
	'engine.grad.caveat.smoothGrad':
		'SmoothGrad(Smilkov et al., 2017): 범위의 {noise} 크기 잡음을 더한 사진 {n}장에서 평균한 |∂ 클래스 점수 / ∂ 픽셀|, 세 색 중 가장 큰 값, {size}×{size}. 기울기 한 번보다 덜 거칠지만 계산은 {n}배이다. 중요도가 아니라 민감도를 보여 준다.',
};
