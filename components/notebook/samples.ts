// The sample photos in static/samples/, with their sizes and the credit to show under them
// (static/samples/CREDITS.md is the source; a unit test checks the two agree).

export interface SamplePhoto {
	readonly file: string;
	readonly subject: string;
	readonly width: number;
	readonly height: number;
	readonly credit: string;
}

export const SAMPLES: readonly SamplePhoto[] = [
	{ file: 'chelsea.png', subject: 'a cat (Chelsea)', width: 451, height: 300, credit: 'CC0, photograph by Stefan van der Walt' },
	{
		file: 'coffee.png',
		subject: 'a cup of espresso',
		width: 600,
		height: 400,
		credit: 'CC0, photograph by Rachel Michetti, courtesy of Pikolo Espresso Bar'
	},
	{
		file: 'astronaut.png',
		subject: 'astronaut Eileen Collins',
		width: 512,
		height: 512,
		credit: 'public domain, NASA (NASA Great Images database)'
	},
	{ file: 'rocket.jpg', subject: 'Falcon 9 launch carrying DSCOVR', width: 640, height: 427, credit: 'public domain, SpaceX' }
];

export const sampleByFile = (file: string): SamplePhoto => SAMPLES.find((s) => s.file === file) ?? SAMPLES[0];
