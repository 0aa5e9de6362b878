// What the paper prints about results (Tables 2 and 3, section 8). These are the paper's claims,
// typed in once here; every chart and sentence that quotes them reads them from this module.

export interface Table2Entry {
	readonly team: string;
	readonly year: number;
	readonly place: string;
	/** Top-5 error, as a fraction (0.0667 = 6.67%). */
	readonly top5: number;
	readonly externalData: string;
}

/** Table 2: classification performance, top-5 error on the test set. */
export const TABLE2: readonly Table2Entry[] = [
	{ team: 'SuperVision', year: 2012, place: '1st', top5: 0.164, externalData: 'no' },
	{ team: 'SuperVision', year: 2012, place: '1st', top5: 0.153, externalData: 'ImageNet 22k' },
	{ team: 'Clarifai', year: 2013, place: '1st', top5: 0.117, externalData: 'no' },
	{ team: 'Clarifai', year: 2013, place: '1st', top5: 0.112, externalData: 'ImageNet 22k' },
	{ team: 'MSRA', year: 2014, place: '3rd', top5: 0.0735, externalData: 'no' },
	{ team: 'VGG', year: 2014, place: '2nd', top5: 0.0732, externalData: 'no' },
	{ team: 'GoogLeNet', year: 2014, place: '1st', top5: 0.0667, externalData: 'no' }
];

export interface Table3Entry {
	readonly models: number;
	readonly crops: number;
	/** Top-5 error on the validation set, as a fraction. */
	readonly top5: number;
	/** The "compared to base" column, verbatim. */
	readonly printedVsBase: string;
}

/** Table 3: GoogLeNet's own breakdown by number of models and crops (validation set). */
export const TABLE3: readonly Table3Entry[] = [
	{ models: 1, crops: 1, top5: 0.1007, printedVsBase: 'base' },
	{ models: 1, crops: 10, top5: 0.0915, printedVsBase: '-0.92%' },
	{ models: 1, crops: 144, top5: 0.0789, printedVsBase: '-2.18%' },
	{ models: 7, crops: 1, top5: 0.0809, printedVsBase: '-1.98%' },
	{ models: 7, crops: 10, top5: 0.0762, printedVsBase: '-2.45%' },
	{ models: 7, crops: 144, top5: 0.0667, printedVsBase: '-3.45%' }
];

/** Table 3's "cost" column is crops x models (forward passes per image). */
export const table3Cost = (e: Table3Entry): number => e.models * e.crops;

export interface DetectionEntry {
	readonly team: string;
	readonly year: number;
	/** Mean average precision, as a fraction. */
	readonly map: number;
	readonly place: string;
	/** Table 4's "external data" column, verbatim. */
	readonly externalData: string;
	/** Table 4's "ensemble" column: models in the entry, or null where the paper prints "?". */
	readonly ensemble: number | null;
	/** Table 4's "approach" column. */
	readonly approach: string;
}

/** Table 4: ILSVRC detection, the 2013 winner and the top three of 2014 (official scores). */
export const DETECTION: readonly DetectionEntry[] = [
	{ team: 'UvA-Euvision', year: 2013, map: 0.226, place: '1st', externalData: 'none', ensemble: null, approach: 'Fisher vectors' },
	{ team: 'Deep Insight', year: 2014, map: 0.405, place: '3rd', externalData: 'ImageNet 1k', ensemble: 3, approach: 'CNN' },
	{ team: 'CUHK DeepID-Net', year: 2014, map: 0.407, place: '2nd', externalData: 'ImageNet 1k', ensemble: null, approach: 'CNN' },
	{ team: 'GoogLeNet', year: 2014, map: 0.439, place: '1st', externalData: 'ImageNet 1k', ensemble: 6, approach: 'CNN' }
];

/** A yes / no / "?" cell of Table 5. */
export type Mark = 'yes' | 'no' | '?';

export interface SingleModelEntry {
	readonly team: string;
	/** Mean average precision of the team's best single model, as a fraction. */
	readonly map: number;
	readonly contextualModel: Mark;
	readonly boxRegression: Mark;
}

/** Table 5: single-model detection results of ILSVRC 2014 entries, in the paper's order. */
export const TABLE5: readonly SingleModelEntry[] = [
	{ team: 'Trimps-Soushen', map: 0.316, contextualModel: 'no', boxRegression: '?' },
	{ team: 'Berkeley Vision', map: 0.345, contextualModel: 'no', boxRegression: 'yes' },
	{ team: 'UvA-Euvision', map: 0.354, contextualModel: '?', boxRegression: '?' },
	{ team: 'CUHK DeepID-Net2', map: 0.377, contextualModel: 'no', boxRegression: '?' },
	{ team: 'GoogLeNet', map: 0.3802, contextualModel: 'no', boxRegression: 'no' },
	{ team: 'Deep Insight', map: 0.402, contextualModel: 'yes', boxRegression: 'yes' }
];

/** Section 5: the Table 1 network was used by this many of the classification ensemble's models. */
export const TABLE1_ENSEMBLE_MEMBERS = 6;

/** Section 7 prints this relative reduction of errors against SuperVision's 2012 entry. */
export const PRINTED_REDUCTION_VS_2012 = 0.565;

/** Facts of section 6 (training). */
export const TRAINING = {
	momentum: 0.9,
	/** The learning rate is multiplied by this ... */
	lrFactor: 0.96,
	/** ... every this many epochs. */
	lrEvery: 8,
	/** Patch area as a fraction of the image. */
	patchArea: [0.08, 1] as const,
	/** Patch aspect ratio (width / height). */
	patchAspect: [3 / 4, 4 / 3] as const,
	interpolations: ['bilinear', 'area', 'nearest neighbour', 'cubic'] as const
} as const;

/** Facts of section 5: the auxiliary losses are added to the total loss with this weight. */
export const AUX_LOSS_WEIGHT = 0.3;

/** ILSVRC 2014 data set sizes (section 7), approximate as the paper states them. */
export const ILSVRC = { classes: 1000, train: 1_200_000, validation: 50_000, test: 100_000 } as const;
