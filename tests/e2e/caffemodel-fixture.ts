// A full-size `bvlc_googlenet.caffemodel` for the page's import test, written from the shared
// per-blob weights the way upstream's file holds them (conv [out, in, kh, kw], fc [out, in]), with
// auxiliary heads (loss1, loss2) of small made-up weights, as upstream's file has those heads.
// Written once into the system's temp folder and reused.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCaffemodel, type CaffeLayer } from '../../src/lib/engine/caffemodel';
import { importBlobs, transpose } from '../../src/lib/engine/import-blobs';
import { MAIN_GROUP, sizeOf, weightSpecs } from '../../src/lib/engine/weight-spec';
import { blobDirSource } from '../../src/lib/node/weight-sources';

const MODEL_SRC = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/models/bvlc_googlenet');
/** The per-blob weights this fixture is made from are there (../shared, as the engine tests use). */
export const HAS_SHARED = existsSync(join(MODEL_SRC, 'weights'));

export function caffemodelFixture(): string {
	const dir = join(tmpdir(), 'inception-e2e');
	const file = join(dir, 'bvlc_googlenet.caffemodel');
	if (existsSync(file)) return file;
	mkdirSync(dir, { recursive: true });
	const specs = weightSpecs();
	const fromDir = importBlobs(blobDirSource(MODEL_SRC), specs.filter((s) => s.group === MAIN_GROUP));
	let seed = 1;
	const noise = (n: number, scale: number) =>
		Float32Array.from({ length: n }, () => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return (seed / 2 ** 31 - 0.5) * scale;
		});
	const layers: CaffeLayer[] = [...new Set(specs.map((s) => s.layer))].map((layer) => ({
		name: layer,
		blobs: (['filter', 'bias'] as const).map((blob) => {
			const s = specs.find((x) => x.layer === layer && x.blob === blob)!;
			const w = fromDir.weights.find((x) => x.name === s.name);
			if (!w) return { shape: s.caffeShape, data: noise(sizeOf(s.caffeShape), 0.02) };
			const data = s.shape.length === 4 ? transpose(w.data, s.shape, [3, 2, 0, 1]) : s.shape.length === 2 ? transpose(w.data, s.shape, [1, 0]) : w.data;
			return { shape: s.caffeShape, data };
		})
	}));
	writeFileSync(`${file}.part`, encodeCaffemodel({ name: 'GoogleNet', layers }));
	renameSync(`${file}.part`, file);
	return file;
}
