// Tables 4 and 5 of the paper (ILSVRC 2014 detection) as rows the chapter's chart and table show,
// picked, filtered and ordered the way the reader asks. DOM-free; DetectionChart draws it.
import { percent } from '$lib/core/format';
import { DETECTION, TABLE5, type DetectionEntry, type SingleModelEntry } from './paper-results';

export type DetectionTable = 'table4' | 'table5';
export type DetectionOrder = 'map' | 'printed' | 'team';

/** One row as shown: a bar in the chart and a line in the table. */
export interface DetectionRow {
	/** Unique within its table; also the bar's label. */
	readonly label: string;
	readonly team: string;
	/** Mean average precision, as a fraction. */
	readonly map: number;
	/** Decimals the paper prints this mAP with (38.02% has two). */
	readonly digits: number;
	readonly ours: boolean;
	/** The table's other columns, in `TABLES[table].columns` order. */
	readonly cells: readonly string[];
}

interface Filter<E> {
	readonly value: string;
	readonly label: string;
	readonly keep: (e: E) => boolean;
}

interface TableSpec<E> {
	readonly title: string;
	/** Column headings after "team" and "mAP". */
	readonly columns: readonly string[];
	readonly entries: readonly E[];
	readonly row: (e: E) => DetectionRow;
	readonly filters: readonly Filter<E>[];
}

/** Decimals needed to write a fraction as the paper's percentage (0.3802 -> 2, 0.439 -> 1). */
const digitsOf = (fraction: number): number => {
	const percent = Math.round(fraction * 10_000) / 100;
	return Number.isInteger(percent * 10) ? 1 : 2;
};

const TABLE4_SPEC: TableSpec<DetectionEntry> = {
	title: 'Table 4: entries as submitted',
	columns: ['year', 'place', 'external data', 'ensemble', 'approach'],
	entries: DETECTION,
	row: (e) => ({
		label: `${e.team} ${e.year}`,
		team: e.team,
		map: e.map,
		digits: digitsOf(e.map),
		ours: e.team === 'GoogLeNet',
		cells: [String(e.year), e.place, e.externalData, e.ensemble === null ? '?' : String(e.ensemble), e.approach]
	}),
	filters: [
		{ value: 'all', label: 'all', keep: () => true },
		{ value: '2014', label: '2014 only', keep: (e) => e.year === 2014 }
	]
};

const TABLE5_SPEC: TableSpec<SingleModelEntry> = {
	title: 'Table 5: single models',
	columns: ['contextual model', 'bounding-box regression'],
	entries: TABLE5,
	row: (e) => ({
		label: e.team,
		team: e.team,
		map: e.map,
		digits: digitsOf(e.map),
		ours: e.team === 'GoogLeNet',
		cells: [e.contextualModel, e.boxRegression]
	}),
	filters: [
		{ value: 'all', label: 'all', keep: () => true },
		{ value: 'no-context', label: 'without a contextual model', keep: (e) => e.contextualModel === 'no' }
	]
};

type AnySpec = TableSpec<DetectionEntry> | TableSpec<SingleModelEntry>;
const SPECS: Record<DetectionTable, AnySpec> = { table4: TABLE4_SPEC, table5: TABLE5_SPEC };

/** What the reader can pick for each table: its title, its columns and its filters. */
export function tableSpec(table: DetectionTable): { title: string; columns: readonly string[]; filters: readonly { value: string; label: string }[] } {
	const spec = SPECS[table];
	return { title: spec.title, columns: spec.columns, filters: spec.filters.map(({ value, label }) => ({ value, label })) };
}

export const ORDERS: readonly { value: DetectionOrder; label: string }[] = [
	{ value: 'map', label: 'mAP, best first' },
	{ value: 'printed', label: 'as printed' },
	{ value: 'team', label: 'team name' }
];

/**
 * The rows of `table` that pass `filter` (a value from its spec; unknown values throw), in
 * `order`. "printed" keeps the paper's order; ties in mAP keep it too.
 */
export function detectionRows(table: DetectionTable, order: DetectionOrder, filter = 'all'): DetectionRow[] {
	const spec = SPECS[table] as TableSpec<DetectionEntry | SingleModelEntry>;
	const chosen = spec.filters.find((f) => f.value === filter);
	if (!chosen) throw new Error(`${spec.title} has no filter "${filter}"`);
	const rows = spec.entries.filter((e) => chosen.keep(e)).map((e) => spec.row(e));
	if (order === 'map') return rows.sort((a, b) => b.map - a.map);
	if (order === 'team') return rows.sort((a, b) => a.team.localeCompare(b.team, 'en'));
	return rows;
}

/** mAP as the paper prints it: 43.9%, 38.02%. */
export const mapText = (r: Pick<DetectionRow, 'map' | 'digits'>): string => percent(r.map, r.digits);
