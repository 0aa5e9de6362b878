// scripts/serve.mjs against a real server on 127.0.0.1, with a bounded number of requests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../scripts/serve.mjs';
import { REPO_ROOT, tempDir } from '../engine/helpers';

const BIG = 64 * 1024 * 1024; // sparse: costs no disk and reads fast

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One GET with raw `path` (sent as is, not normalised by a URL parser). */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A GET that is cut by the client as soon as the first bytes of the body arrive. */
function aborted(base: string, path: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const req = request({ hostname, port, path, agent: false }, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

function site(root: string, outside: string): void {
  mkdirSync(join(root, '_app/immutable/assets'), { recursive: true });
  mkdirSync(join(root, 'models/googlenet'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>not found</title>');
  writeFileSync(join(root, '_app/immutable/app.js'), 'export {};');
  for (const ext of ['woff', 'woff2', 'ttf']) writeFileSync(join(root, `_app/immutable/assets/font.${ext}`), 'font');
  writeFileSync(join(root, 'models/googlenet/shard.bin'), Buffer.from(Array.from({ length: 1000 }, (_, i) => i & 0xff)));
  writeFileSync(join(root, 'models/big.bin'), '');
  truncateSync(join(root, 'models/big.bin'), BIG);
  mkdirSync(join(root, 'models/.googlenet-new-1-2'), { recursive: true });
  writeFileSync(join(root, 'models/.googlenet-new-1-2/labels.json'), '[]');
  writeFileSync(join(outside, 'secret.txt'), 'root:x:0:0');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(outside, join(root, 'leakdir'));
  symlinkSync(join(root, 'index.html'), join(root, 'alias.html')); // inside: fine
  symlinkSync(join(root, 'loop-a'), join(root, 'loop-b'));
  symlinkSync(join(root, 'loop-b'), join(root, 'loop-a'));
}

describe('scripts/serve.mjs', () => {
  let temp: ReturnType<typeof tempDir>;
  let root = '';
  let base = '';
  let close: () => Promise<void>;

  beforeAll(async () => {
    temp = tempDir('serve');
    root = join(temp.path, 'build');
    mkdirSync(join(temp.path, 'outside'));
    mkdirSync(root);
    site(root, join(temp.path, 'outside'));
    ({ url: base, close } = await startServer({ dir: root, port: 0 }));
  });
  afterAll(async () => {
    await close();
    temp.remove();
  });

  it('serves nothing from outside its folder, through links or encoded dots', async () => {
    for (const path of ['/leak.txt', '/leakdir/secret.txt', '/loop-a']) {
      const r = await get(base, path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.body.toString()).not.toContain('root:x');
    }
    expect((await get(base, '/alias.html')).status).toBe(200);
    for (const path of ['/_app/immutable/..%2f..%2findex.html', '/_app/immutable/%2e%2e/%2e%2e/index.html', '/..%2f..%2fetc/passwd', '/a%5c..%5cindex.html']) {
      const r = await get(base, path);
      expect([path, r.status]).toEqual([path, 400]);
      expect(r.headers['cache-control'] ?? '').not.toMatch(/immutable/);
      expect(r.body.toString()).not.toContain('<title>home');
    }
    expect((await get(base, '/_app/immutable/app.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves no hidden file or folder (what a killed weights conversion leaves)', async () => {
    expect((await get(base, '/models/.googlenet-new-1-2/labels.json')).status).toBe(404);
  });

  it('answers a conditional GET with 304 and no body', async () => {
    const first = await get(base, '/models/googlenet/shard.bin');
    expect(first.status).toBe(200);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    const byTag = await get(base, '/models/googlenet/shard.bin', { 'If-None-Match': `"other", ${etag}` });
    expect([byTag.status, byTag.body.length, byTag.headers.etag]).toEqual([304, 0, etag]);
    const byDate = await get(base, '/models/googlenet/shard.bin', { 'If-Modified-Since': lastModified });
    expect([byDate.status, byDate.body.length]).toEqual([304, 0]);
    const changed = await get(base, '/models/googlenet/shard.bin', { 'If-None-Match': '"other"' });
    expect([changed.status, changed.body.length]).toEqual([200, 1000]);
  });

  it('serves byte ranges, and says when one cannot be served', async () => {
    const part = await get(base, '/models/googlenet/shard.bin', { Range: 'bytes=10-19' });
    expect([part.status, part.headers['content-range'], part.headers['content-length']]).toEqual([206, 'bytes 10-19/1000', '10']);
    expect(Array.from(part.body)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const tail = await get(base, '/models/googlenet/shard.bin', { Range: 'bytes=-4' });
    expect([tail.status, tail.headers['content-range'], Array.from(tail.body)]).toEqual([206, 'bytes 996-999/1000', [228, 229, 230, 231]]);
    const open = await get(base, '/models/googlenet/shard.bin', { Range: 'bytes=990-' });
    expect([open.status, open.body.length]).toEqual([206, 10]);
    const beyond = await get(base, '/models/googlenet/shard.bin', { Range: 'bytes=1000-' });
    expect([beyond.status, beyond.headers['content-range']]).toEqual([416, 'bytes */1000']);
    const stale = await get(base, '/models/googlenet/shard.bin', { Range: 'bytes=0-9', 'If-Range': '"stale"' });
    expect([stale.status, stale.body.length]).toEqual([200, 1000]);
    expect((await get(base, '/models/googlenet/shard.bin')).headers['accept-ranges']).toBe('bytes');
  });

  it('sends fonts with font types', async () => {
    for (const [ext, type] of [['woff', 'font/woff'], ['woff2', 'font/woff2'], ['ttf', 'font/ttf']])
      expect((await get(base, `/_app/immutable/assets/font.${ext}`)).headers['content-type']).toBe(type);
  });
});

describe('scripts/serve.mjs under a low limit of open files', () => {
  let temp: ReturnType<typeof tempDir>;
  let server: ChildProcess | undefined;

  beforeAll(() => {
    temp = tempDir('serve-fds');
    mkdirSync(join(temp.path, 'outside'));
    site(temp.path, join(temp.path, 'outside'));
  });
  afterAll(() => {
    server?.kill();
    temp.remove();
  });

  it('survives aborted downloads and more clients than it can open files for', async () => {
    // 48 descriptors: Node itself takes about 20, so a leak of one per download ends it early.
    server = spawn('bash', ['-c', `ulimit -n 48 && exec "${process.execPath}" scripts/serve.mjs "${temp.path}"`], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let exited: number | null = null;
    server.on('exit', (code) => (exited = code ?? -1));
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server!.on('exit', () => reject(new Error(`server exited: ${out}`)));
    });
    // One after another: each leaves a file open if the server does not close it.
    for (let i = 0; i < 60; i++) await aborted(base, '/models/big.bin');
    // All at once: more than it has descriptors for; some may be refused, none may kill it.
    await Promise.all(Array.from({ length: 40 }, () => aborted(base, '/models/big.bin')));
    const after = await get(base, '/index.html');
    expect([after.status, exited]).toEqual([200, null]);
  }, 60_000);
});
