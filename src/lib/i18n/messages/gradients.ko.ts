// gradients.en.ts의 한국어. 같은 키를 모두 갖는다.
import type { gradientsEn } from './gradients.en';

export const gradientsKo: Record<keyof typeof gradientsEn, string> = {
	// 특징 시각화
	'grad.open': '이 채널은 무엇을 찾을까?',
	'grad.hide': '숨기기',
	'grad.widget': '이 채널은 무엇을 찾을까? (라이브)',
	'grad.pick.layer': '층',
	'grad.pick.module': '인셉션 ({id}) 출력',
	'grad.pick.channel': '채널 (0–{max})',
	'grad.region': '{layer}의 채널 {channel} 특징 시각화',
	'grad.label.excites': '{layer} 채널 {channel}: 가장 강하게 활성화하는 그림',
	'grad.label.suppresses': '{layer} 채널 {channel}: 가장 강하게 억제하는 그림',
	'grad.stop': '멈추기',
	'grad.again': '다시 만들기',
	'grad.make': '그림 만들기',
	'grad.step': '단계 {step}/{steps}',
	'grad.mean': 'ReLU 전 채널 평균 {value}',
	'grad.stopped': '멈춤',
	'grad.madeIn': '{time} 걸림',
	'grad.kept': '이 브라우저에 저장됨',
	'grad.keptMadeIn': '이 브라우저에 저장됨 (만드는 데 {time})',
	'grad.missing': '이 사이트에 변환된 가중치가 없다: {message}',
	'grad.failed': '그림을 만들지 못했다: {message}',
	'grad.engine': '페이지 스레드 밖에서 계산했다: {backend}.',
	'grad.engine.reason': '페이지 스레드 밖에서 계산했다: {backend} ({reason}).',
	'grad.picture': '{label}, 그림 {i}/{n}',
	'grad.download': 'PNG 내려받기',
	'grad.settings': '그림 설정',
	'grad.steps': '단계 수',
	'grad.size': '크기',
	'grad.direction': '방향',
	'grad.excites': '가장 강하게 활성화',
	'grad.suppresses': '가장 강하게 억제',
	'grad.robust': '흔들기·확대·회전',
	'grad.decorrelate': '상관을 없앤 색 공간',
	'grad.fourier': '푸리에 매개변수',
	'grad.diverse': '서로 다른 그림 {n}장',

	// 딥드림
	'dream.layer': '증폭할 층',
	'dream.layer.original': '{name} (원작의 층)',
	'dream.size': '크기',
	'dream.octaves': '옥타브',
	'dream.steps': '옥타브당 단계',
	'dream.cost': '기울기 단계 {steps}번: 224×224 그림 기준으로 {equivalent}단계만큼의 계산량.',
	'dream.cost.measured': '기울기 단계 {steps}번: 224×224 그림 기준으로 {equivalent}단계만큼의 계산량, 방금 실행한 속도로 이 기기에서 약 {time}.',
	'dream.stop': '멈추기',
	'dream.start': '꿈꾸기',
	'dream.download': 'PNG 내려받기',
	'dream.progress': '옥타브 {octave}/{octaves}, 단계 {step}/{steps}',
	'dream.done.one': '완료: {layer}에서 옥타브 {n}개, 옥타브마다 {steps}단계.',
	'dream.done.many': '완료: {layer}에서 옥타브 {n}개, 옥타브마다 {steps}단계.',
	'dream.done.one.skipped': '완료: {layer}에서 옥타브 {n}개, 옥타브마다 {steps}단계 (가장 작은 옥타브 {skipped}개는 한 변이 {min}픽셀보다 작아 건너뜀).',
	'dream.done.many.skipped': '완료: {layer}에서 옥타브 {n}개, 옥타브마다 {steps}단계 (가장 작은 옥타브 {skipped}개는 한 변이 {min}픽셀보다 작아 건너뜀).',
	'dream.stoppedAt': '옥타브 {octave}/{octaves}, 단계 {step}/{steps}에서 멈췄다. 지금까지의 그림은 남겨 둔다.',
	'dream.stopped': '멈췄다.',
	'dream.failed': '딥드림 실패: {message}',
	'dream.cannotStart': '딥드림을 시작하지 못했다: {message}',
	'dream.png': 'PNG를 만들지 못했다: {message}',
	'dream.noPhoto': '아직 사진이 없다. 위에서 사진을 고르면 딥드림이 그 사진으로 작동한다.',
	'dream.picture': '{layer}에서 꿈꾼 사진',
	'dream.amplified': '증폭한 층: {group} ({layer}).',
	'dream.how':
		'한 단계마다 고른 층의 활성화 제곱 평균이 커지는 기울기 방향으로 사진을 조금씩 바꾼다. 그래서 그 층이 이미 사진에서 보고 있는 것이 자라난다. 옥타브는 이 과정을 작은 크기에서 원래 크기까지 되풀이하고(큰 형태가 먼저), 흔들기(jitter)는 단계마다 그림을 몇 픽셀씩 옮겨 어느 픽셀 격자도 유리하지 않게 한다. Mordvintsev 외(2015)를 따른 이 노트북 자체의 시연이며, 논문에는 이런 그림이 없다.',
	'dream.widget': '딥드림, 실제 네트워크로',
	'dream.widget.caption':
		'고른 층을 더 강하게 활성화하도록 사진을 한 단계씩 바꾼 결과다. 네트워크 자신의 기울기를 이 브라우저에서 계산한다. 가중치는 시작할 때 내려받는다.',

	// /live/의 절
	'dream.live.why': '왜 이 답인가: 상위 5개 클래스의 기여도',
	'dream.live.whyNote':
		'가운데 크롭의 어느 픽셀이 다섯 점수 각각을 움직였는지 두 가지 기울기 방법으로 보여 준다. 논문에는 없는, 이 노트북이 덧붙인 것이다. 가중치 사본을 따로 가진 백그라운드 워커에서 tfjs로 실행한다.',
	'dream.live.dream': '내 사진으로 딥드림',

	// 장의 위젯에 쓰는 사진
	'dream.photo': '사진',
	'dream.photo.yours': '내 이미지',
	'dream.photo.own': '또는 내 사진:',
	'dream.photo.pick': '사진 고르기…',

	// 기여도
	'dream.attr.method': '방법',
	'dream.attr.gradcam': 'Grad-CAM',
	'dream.attr.saliency': '기울기 세일리언시',
	'dream.attr.layer': 'Grad-CAM 층',
	'dream.attr.computing': '계산 중…',
	'dream.attr.run': '상위 5개 설명하기',
	'dream.attr.noPhoto': '아직 사진이 없다. 위에서 사진을 고르면 그 사진의 상위 5개를 설명할 수 있다.',
	'dream.attr.noTop5': '맵을 그리려면 이 사진에 대한 네트워크의 상위 5개가 필요하다. 네트워크가 실행되면 나타난다.',
	'dream.attr.failed': '맵을 계산하지 못했다: {message}',
	'dream.attr.count': '워커가 클래스 {classes}개에 맵 {maps}개를 돌려주었다',
	'dream.attr.shown.gradcam': '{tap}에서 {method}, 네트워크가 본 가운데 크롭 위에 상위 5개 각각:',
	'dream.attr.shown': '{method}, 네트워크가 본 가운데 크롭 위에 상위 5개 각각:',
	'dream.attr.caveat.saliency':
		'기울기 세일리언시(기울기 × 입력, Shrikumar 외, 2016): |세 색에 걸쳐 더한 ∂ 클래스 점수 / ∂ 픽셀 × 픽셀|, 픽셀은 평균 이미지를 뺀 값, {size}×{size}. 그 픽셀이 평균 이미지의 값이라면 점수가 얼마나 움직일지에 대한 1차 추정이다. 잡음이 많고, 사진 자체의 윤곽도 따라간다.',
	'dream.attr.caveat.gradcam':
		'Grad-CAM(Selvaraju 외, 2017): {tap}의 채널마다 클래스 점수 기울기의 평균으로 가중한 합, 양수 부분만. 거칠다: 이 층의 격자는 {grid}, 사진 크기로 늘려 겹친다.',
	'dream.attr.ownSize': '그 층 자체의 크기',
	'dream.attr.heatmap': '{label}의 히트맵',
	'dream.attr.widget': '왜 이 답인가, 실제 네트워크로',
	'dream.attr.load': '네트워크 불러오기',
	'dream.attr.netFailed': '네트워크를 실행하지 못했다: {message}',
	'dream.attr.caption':
		'가운데 크롭 위에 상위 5개 클래스의 히트맵을 실제 네트워크의 기울기로 이 브라우저에서 계산한다. 두 방법 모두 논문에는 없다(세일리언시 맵 2014, 기울기 × 입력 2016, Grad-CAM 2017).',

	// 무작위화 점검 (Adebayo 외, 2018)
	'dream.check.region': '타당성 점검: 무작위 가중치',
	'dream.check.title': '맵은 네트워크에 따라 달라지는가? (Adebayo 외, 2018)',
	'dream.check.note':
		'위쪽 층의 가중치를 분류기부터 고른 모듈까지 무작위로 다시 뽑고 {method} 맵을 다시 계산한다. 네트워크를 설명하는 맵이라면 반드시 달라져야 한다.',
	'dream.check.class': '클래스',
	'dream.check.randomize': '무작위화 범위',
	'dream.check.run': '가중치를 무작위화하고 비교',
	'dream.check.failed': '점검을 실행하지 못했다: {message}',
	'dream.check.noMap': '워커가 맵을 돌려주지 않았다',
	'dream.check.trained': '학습된 가중치',
	'dream.check.randomized': '무작위화',
	'dream.check.classifier': '분류기 (loss3/classifier)',
	'dream.check.downTo': '{group}까지',
	'dream.verdict.bothFlat': '두 맵 모두 평평하다(모든 픽셀이 같은 값). 비교할 것이 없다.',
	'dream.verdict.emptyAfter':
		'무작위 가중치에서는 맵이 비었다. 크롭의 어느 부분도 이제 이 클래스의 점수를 올리지 않는다. 맵이 완전히 달라졌다(평평한 맵은 순위를 매길 수 없어 순위 상관은 없다).',
	'dream.verdict.emptyBefore': '학습된 맵은 비었고 무작위화한 맵은 그렇지 않다. 맵이 달라졌다(평평한 맵은 순위를 매길 수 없어 순위 상관은 없다).',
	'dream.verdict.changed':
		'두 맵의 스피어먼 순위 상관: {rho} (1이면 픽셀 순위가 같다). 맵이 달라졌다: 맵은 학습된 가중치에 따라 달라지며, 그래야 한다.',
	'dream.verdict.unchanged':
		'두 맵의 스피어먼 순위 상관: {rho} (1이면 픽셀 순위가 같다). 맵이 거의 달라지지 않았다({threshold} 이상): 여기서는 네트워크보다 사진을 보여 준다.',

	// 층 선택과 한 줄 오류
	'dream.module': '인셉션 ({id})',
	'dream.layer.notOffered': '{name}: 여기서는 쓸 수 없다(제공하는 층 {n}개에 없다). 대신 {fallback} 사용.',
	'dream.layer.unknown': '이 네트워크에 없는 층 이름: “{name}”. 대신 {fallback} 사용.',
	'dream.canvas.read': '이 브라우저는 캔버스의 픽셀을 읽을 수 없다',
	'dream.canvas.draw': '이 브라우저는 캔버스에 그릴 수 없다',
	'dream.noWeights': '이 사이트에는 아직 변환된 가중치가 없다(npm run weights -- --from PATH를 실행한 뒤 다시 빌드)',
	'dream.workerFailed': '기울기 워커가 실패했다'
};
