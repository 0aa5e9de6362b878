/**
 * `cli hero [--out DIR] [--model DIR] [--image PATH]`: the home page's hero (the default sample's
 * top 5 and each diagram node's most active channels) computed with the own WASM kernels on
 * float32 weights, written as hero.json + hero.png into DIR (default static/generated/hero, which
 * the site build serves). Does nothing when DIR holds a hero of the same weights, photo and code;
 * with no converted weights it says so, removes an old hero and exits 0 (the site then shows the
 * diagram alone).
 */
import { CONVERT_HINT } from '../lib/node/model-files';
import { HERO_DIR, writeHero } from '../lib/node/hero';
import { openSession } from '../lib/node/session';
import { parse } from './args';

export const usage = 'hero [--out DIR] [--model DIR] [--image PATH]';

export async function run(args: string[]): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, model: { type: 'string' }, image: { type: 'string' } });
  const out = values.out ?? HERO_DIR;
  const outcome = await writeHero({ out, modelDir: values.model, image: values.image }, (modelDir) =>
    openSession({ backend: 'wasm', precision: 'float32', modelDir })
  );
  if (outcome.status === 'no-weights')
    process.stderr.write(`hero: no converted weights, so no hero picture (add them: ${CONVERT_HINT})\n`);
  else process.stderr.write(`hero: ${outcome.status === 'cached' ? 'up to date' : 'written'} in ${out} (${outcome.bytes} bytes)\n`);
  return 0;
}
