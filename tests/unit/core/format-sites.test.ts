// One formatter for the whole site: no component, chart, page or chapter writes a number its own
// way (toFixed and friends print "-0.0", and each wrote ops its own way: 1.4G beside 1.5G). Every
// number a reader sees goes through src/lib/core/format.ts, which format.test.ts holds to its rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['components', 'notebooks', 'src/routes', 'src/lib/view'];
const FORMATTER = 'src/lib/core/format.ts';
/** Ways of writing a number other than the formatter's. */
const FORBIDDEN = /\.(toFixed|toPrecision|toExponential|toLocaleString)\(|Intl\.NumberFormat|\bd3\.format\(|import\s*\{[^}]*\bformat\b[^}]*\}\s*from\s*'d3(-format)?'/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.(ts|svelte|md)$/.test(e.name) ? [path] : [];
  });
}

/** `file:line: text` for every forbidden call in `paths`. */
export function offences(paths: readonly string[], read: (path: string) => string = (p) => readFileSync(p, 'utf8')): string[] {
  return paths.flatMap((path) =>
    read(path)
      .split('\n')
      .flatMap((line, i) => (FORBIDDEN.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : []))
  );
}

describe('numbers are written in one place', () => {
  it('no site file formats a number but through src/lib/core/format.ts', () => {
    const all = ROOTS.flatMap(files).filter((p) => p !== FORMATTER);
    expect(all.length).toBeGreaterThan(50);
    expect(offences(all)).toEqual([]);
  });

  it('the check catches the ways numbers used to be written', () => {
    const samples: Record<string, string> = {
      'a.svelte': 'const pct = (x: number) => `${(x * 100).toFixed(1)}%`;',
      'b.ts': "tickFormat: (d) => `${Number(d.toPrecision(3))}G`",
      'c.svelte': "Math.round(n).toLocaleString('en-US')",
      'd.md': '<p>{new Intl.NumberFormat().format(n)}</p>',
      'e.ts': 'const f = d3.format(".2s");',
      'ok.ts': "import { fixed } from '$lib/core/format'; fixed(x, 1);"
    };
    expect(offences(Object.keys(samples), (p) => samples[p]).map((o) => o.split(':')[0])).toEqual(['a.svelte', 'b.ts', 'c.svelte', 'd.md', 'e.ts']);
  });
});
