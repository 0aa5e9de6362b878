/**
 * The folder a conversion writes into (`--out`, static/models/googlenet by default), kept safe:
 * - only a folder this tool wrote (it holds MARKER), an empty one, or one that holds nothing but
 *   an earlier conversion's files is ever changed; anything else is refused, untouched;
 * - a new conversion is written into `.googlenet-new-<pid>-<time>` beside it, then moved in file
 *   by file: shards first (their names carry a hash of their bytes, so they never overwrite a
 *   shard the current model.json needs), then model.json with one rename, then the old shards
 *   go. The folder and a complete model.json are there at every instant;
 * - temporary folders left by a killed run (`.googlenet-new-*`, and `.googlenet-old-*` from
 *   earlier versions) are removed by the next run, once their process is gone.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WeightsError } from '../engine/import-blobs';
import { PRECISIONS } from '../engine/manifest';
import { shown } from './weight-sources';

/** Written into every converted folder; its presence is what allows replacing the folder. */
export const MARKER = '.converted-by-npm-run-weights';
export const TEMP_PREFIX = '.googlenet-new-';
const ORPHAN = /^\.googlenet-(new|old)-(\d+)-\d+$/;
/** What a conversion by an earlier version (before MARKER) holds, and nothing else. */
const LEGACY_TOP = new Set(['float32', 'float16', 'labels.json']);
const LEGACY_FILE = /^(model\.json|group\d+-shard\d+of\d+(\.[0-9a-f]+)?\.bin)$/;

function isLegacyConversion(dir: string, entries: string[]): boolean {
  if (!entries.every((n) => LEGACY_TOP.has(n))) return false;
  return entries.every((n) => {
    const p = join(dir, n);
    if (n === 'labels.json') return lstatSync(p).isFile();
    return lstatSync(p).isDirectory() && readdirSync(p).every((f) => LEGACY_FILE.test(f) && lstatSync(join(p, f)).isFile());
  });
}

/**
 * Throws unless `target` may be written: absent, empty, written by this tool, or an earlier
 * conversion. Called before anything is read or downloaded, and again just before writing.
 */
export function checkOutFolder(target: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new WeightsError(`${shown(target)}: is a file, not a folder; refusing to replace it`);
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(MARKER) || isLegacyConversion(target, entries)) return;
  const some = entries.slice(0, 3).join(', ') + (entries.length > 3 ? `, ... (${entries.length} entries)` : '');
  throw new WeightsError(
    `${shown(target)}: not a folder written by npm run weights (it holds ${some}); refusing to replace it: choose a new or empty folder for --out`
  );
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary folders beside `target` whose process is gone; returns their names. */
export function removeOrphans(target: string): string[] {
  const parent = dirname(target);
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const m = ORPHAN.exec(name);
    if (!m || alive(Number(m[2]))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** A fresh temporary folder beside `target`, for `fill` to write a whole conversion into. */
export function stagingFolder(target: string): string {
  const temp = join(dirname(target), `${TEMP_PREFIX}${process.pid}-${Date.now()}`);
  mkdirSync(temp, { recursive: true });
  writeFileSync(join(temp, MARKER), 'Written by `npm run weights`; the next conversion replaces this folder.\n');
  return temp;
}

/**
 * Moves a complete conversion from `staged` into `target` (see the top of this file) and removes
 * `staged`. `shards` lists, per precision, the shard files model.json names.
 */
export function moveIn(staged: string, target: string, shards: Record<string, readonly string[]>): void {
  checkOutFolder(target);
  if (!existsSync(target)) {
    renameSync(staged, target); // appears whole
    return;
  }
  for (const precision of PRECISIONS) {
    const from = join(staged, precision);
    const to = join(target, precision);
    mkdirSync(to, { recursive: true });
    const keep = new Set(shards[precision] ?? []);
    for (const shard of keep) renameSync(join(from, shard), join(to, shard));
    renameSync(join(from, 'model.json'), join(to, 'model.json'));
    for (const name of readdirSync(to)) if (name !== 'model.json' && !keep.has(name)) rmSync(join(to, name), { recursive: true, force: true });
  }
  for (const name of ['labels.json', MARKER]) renameSync(join(staged, name), join(target, name));
  rmSync(staged, { recursive: true, force: true });
}
