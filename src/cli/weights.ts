/**
 * `npm run weights -- [--from DIR|FILE.caffemodel] [--labels synset_words.txt]`: converts BVLC
 * GoogLeNet into static/models/googlenet/{float32,float16} (tfjs weights manifest + shards) and
 * labels.json. Without --from it downloads the upstream caffemodel (checksum verified).
 * --out only ever replaces a folder this tool wrote (model-folder.ts); any other is refused.
 * Exit codes: 0 done, 1 failed (one line on stderr, previous conversion untouched), 2 usage.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importBlobs, parseSynsetWords, WeightsError } from '../lib/engine/import-blobs';
import { DownloadError, downloadCaffemodel } from '../lib/node/download';
import { CONVERT_HINT, MODEL_DIR, writeConverted } from '../lib/node/model-files';
import { bytes } from '../lib/core/format';
import { FileError, readStart, regularFile } from '../lib/node/files';
import { checkOutFolder } from '../lib/node/model-folder';
import { sourceFrom } from '../lib/node/weight-sources';
import { parse, UsageError } from './args';
import { progressBar } from './progress';

export const usage = 'weights [--from DIR|FILE.caffemodel] [--labels synset_words.txt] [--out DIR] [--url URL --sha1 HEX]';

/** synset_words.txt is about 30 KB; a larger "labels file" is refused unread. */
const MAX_LABELS_BYTES = 1024 * 1024;

function readLabels(file: string): string[] {
  try {
    const info = regularFile(file);
    if (info.size > MAX_LABELS_BYTES) throw new WeightsError(`${file}: file is ${bytes(info.size)}: the limit for a labels file is ${bytes(MAX_LABELS_BYTES)}`);
    return parseSynsetWords(readStart(file, info.size).toString('utf8'));
  } catch (e) {
    throw e instanceof FileError ? new WeightsError(`${e.message} (the labels file)`) : e;
  }
}

function labelsFor(source: string, explicit: string | undefined, out: string): string[] {
  const beside = statSync(source).isDirectory() ? join(source, 'synset_words.txt') : join(dirname(source), 'synset_words.txt');
  const file = explicit ?? (existsSync(beside) ? beside : undefined);
  if (file) return readLabels(file);
  const previous = join(out, 'labels.json');
  if (existsSync(previous)) return JSON.parse(readFileSync(previous, 'utf8')) as string[];
  throw new WeightsError(`no synset_words.txt beside ${source}: pass --labels path/to/synset_words.txt`);
}

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, {
    from: { type: 'string' },
    labels: { type: 'string' },
    out: { type: 'string' },
    url: { type: 'string' },
    sha1: { type: 'string' }
  });
  const out = resolve(values.out ?? MODEL_DIR);
  checkOutFolder(out); // before anything is downloaded or read
  let from = values.from;
  if (from === undefined) {
    const bar = progressBar('bvlc_googlenet.caffemodel');
    try {
      from = await downloadCaffemodel({ url: values.url, sha1: values.sha1, onProgress: bar.update });
    } catch (e) {
      bar.end();
      if (e instanceof DownloadError) throw new DownloadError(`${e.message}; to convert a local copy instead: ${CONVERT_HINT}`);
      throw e;
    }
    bar.end();
  }
  const source = sourceFrom(from);
  const imported = importBlobs(source);
  const labels = labelsFor(from, values.labels, out);
  writeConverted(out, imported, labels, from);
  const values32 = imported.weights.reduce((n, w) => n + w.data.length, 0);
  const aux = imported.auxHeads.length ? imported.auxHeads.join(', ') : 'none';
  process.stdout.write(
    `converted ${imported.weights.length} tensors (${values32.toLocaleString('en')} values; auxiliary heads: ${aux}) ` +
      `from ${from} into ${out}/{float32,float16} and labels.json\n`
  );
  return 0;
}

async function main(): Promise<void> {
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e instanceof UsageError ? `${e.message} (usage: ${usage})` : (e as Error).message}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
