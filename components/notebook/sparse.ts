// A toy connection matrix for the sparse-versus-dense argument of section 3: units fall into
// clusters whose members are mostly connected to each other. Shown in arbitrary order it looks
// like scattered sparse weights; ordered by cluster it is a few dense blocks. DOM-free.
import { randomLcg } from 'd3';

export interface ConnectionMatrix {
	/** Number of units (rows = outputs, columns = inputs). */
	readonly n: number;
	/** Cluster of each unit. */
	readonly cluster: readonly number[];
	readonly sizes: readonly number[];
	/** connected[i][j]: output i reads input j. */
	readonly connected: readonly (readonly boolean[])[];
}

export function clusteredMatrix(
	sizes: readonly number[] = [5, 7, 4, 8],
	within = 0.75,
	across = 0.03,
	seed = 0.42
): ConnectionMatrix {
	const random = randomLcg(seed);
	const cluster = sizes.flatMap((size, c) => Array.from({ length: size }, () => c));
	const n = cluster.length;
	const connected = cluster.map((ci) => cluster.map((cj) => random() < (ci === cj ? within : across)));
	return { n, cluster, sizes, connected };
}

/** A fixed shuffle of 0..n-1 (the "as the units come" order). */
export function shuffledOrder(n: number, seed = 0.7): number[] {
	const random = randomLcg(seed);
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}

export interface MatrixCounts {
	/** All entries of the full matrix: what a dense multiply computes. */
	readonly dense: number;
	/** Nonzero connections. */
	readonly connections: number;
	/** Entries inside the per-cluster blocks: what a dense multiply per block computes. */
	readonly blockEntries: number;
	/** Connections that fall inside the blocks. */
	readonly covered: number;
}

export function countMatrix(m: ConnectionMatrix): MatrixCounts {
	let connections = 0;
	let covered = 0;
	m.connected.forEach((row, i) =>
		row.forEach((on, j) => {
			if (!on) return;
			connections++;
			if (m.cluster[i] === m.cluster[j]) covered++;
		})
	);
	return {
		dense: m.n * m.n,
		connections,
		blockEntries: m.sizes.reduce((sum, s) => sum + s * s, 0),
		covered
	};
}
