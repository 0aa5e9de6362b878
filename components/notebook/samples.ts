// The sample photos in static/samples/, with their sizes and the credit to show under them
// (static/samples/CREDITS.md is the source; a unit test checks the two agree).

export interface SamplePhoto {
	readonly file: string;
	readonly subject: string;
	readonly width: number;
	readonly height: number;
	readonly credit: string;
	/** The Korean edition's subject and credit. */
	readonly ko: { readonly subject: string; readonly credit: string };
}

export const SAMPLES: readonly SamplePhoto[] = [
	{ file: 'chelsea.png', subject: 'a cat (Chelsea)', width: 451, height: 300, credit: 'CC0, photograph by Stefan van der Walt', ko: { subject: '고양이(Chelsea)', credit: 'CC0, 사진 Stefan van der Walt' } },
	{
		file: 'coffee.png',
		subject: 'a cup of espresso',
		width: 600,
		height: 400,
		credit: 'CC0, photograph by Rachel Michetti, courtesy of Pikolo Espresso Bar',
		ko: { subject: '에스프레소 한 잔', credit: 'CC0, 사진 Rachel Michetti, Pikolo Espresso Bar 제공' }
	},
	{
		file: 'astronaut.png',
		subject: 'astronaut Eileen Collins',
		width: 512,
		height: 512,
		credit: 'public domain, NASA (NASA Great Images database)',
		ko: { subject: '우주비행사 Eileen Collins', credit: '퍼블릭 도메인, NASA(NASA Great Images 데이터베이스)' }
	},
	{ file: 'rocket.jpg', subject: 'Falcon 9 launch carrying DSCOVR', width: 640, height: 427, credit: 'public domain, SpaceX', ko: { subject: 'DSCOVR를 싣고 발사되는 Falcon 9', credit: '퍼블릭 도메인, SpaceX' } }
];

/** A photo's subject and credit in one edition. */
export const sampleText = (photo: SamplePhoto, locale: 'en' | 'ko'): { subject: string; credit: string } =>
	locale === 'ko' ? photo.ko : { subject: photo.subject, credit: photo.credit };

export const sampleByFile = (file: string): SamplePhoto => SAMPLES.find((s) => s.file === file) ?? SAMPLES[0];
