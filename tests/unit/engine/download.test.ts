import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, downloadCaffemodel, UPSTREAM_MAX_BYTES } from '../../../src/lib/node/download';
import { REPO_ROOT, tempDir } from './helpers';

/** A process id that no process has now. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

const body = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) & 0xff));
const sha1 = createHash('sha1').update(body).digest('hex');

describe('downloading the caffemodel (from a server on 127.0.0.1)', () => {
  let server: Server;
  let base = '';
  let requests = 0;
  let temp: ReturnType<typeof tempDir>; // made in beforeAll: a skipped suite leaves nothing behind
  const dest = (name: string) => join(temp.path, name, 'bvlc_googlenet.caffemodel');

  beforeAll(async () => {
    temp = tempDir('download');
    server = createServer((req, res) => {
      requests++;
      if (req.url === '/good') {
        res.writeHead(200, { 'content-length': body.length });
        res.end(body);
      } else if (req.url === '/trickle') {
        // One byte at a time, each well within the silence limit: only a deadline ends it.
        res.writeHead(200, { 'content-length': body.length });
        const timer = setInterval(() => res.write(body.subarray(0, 1)), 50);
        res.on('close', () => clearInterval(timer));
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'content-length': 10 * body.length });
        res.end(); // never sends it: the announced size alone must be refused
      } else if (req.url === '/endless') {
        // No length announced, and no end.
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024);
        const more = () => {
          if (!res.destroyed && res.write(chunk)) setImmediate(more);
        };
        res.on('drain', more);
        more();
      } else if (req.url === '/half-then-wait') {
        res.writeHead(200, { 'content-length': body.length });
        res.write(body.subarray(0, body.length / 2)); // then nothing, until the client goes away
      } else if (req.url === '/drop') {
        // Promise the whole file, send half, then cut the connection.
        res.writeHead(200, { 'content-length': body.length });
        res.write(body.subarray(0, body.length / 2), () => res.socket?.destroy());
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    temp.remove();
  });

  it('saves a file whose checksum matches, reporting progress, and reuses it after', async () => {
    const seen: [number, number | undefined][] = [];
    const path = await downloadCaffemodel({ url: `${base}/good`, sha1, dest: dest('good'), onProgress: (r, t) => seen.push([r, t]) });
    expect(readFileSync(path).equals(body)).toBe(true);
    expect(seen.at(-1)).toEqual([body.length, body.length]);
    const before = requests;
    expect(await downloadCaffemodel({ url: `${base}/good`, sha1, dest: dest('good') })).toBe(path);
    expect(requests).toBe(before); // verified from the cache, not fetched again
  });

  it('refuses a file with another checksum and keeps nothing', async () => {
    const wrong = '0'.repeat(40);
    await expect(downloadCaffemodel({ url: `${base}/good`, sha1: wrong, dest: dest('bad') })).rejects.toThrow(
      new DownloadError(`checksum mismatch for ${base}/good: sha1 ${sha1}, expected ${wrong}`)
    );
    expect(existsSync(dest('bad'))).toBe(false);
    expect(existsSync(`${dest('bad')}.part`)).toBe(false);
  });

  it('says how far it got when the connection drops half-way, and keeps nothing', async () => {
    await expect(downloadCaffemodel({ url: `${base}/drop`, sha1, dest: dest('drop') })).rejects.toThrow(
      /^download of http:\/\/127\.0\.0\.1:\d+\/drop (failed|stopped) after \d+ of 300000 bytes/
    );
    expect(existsSync(dest('drop'))).toBe(false);
    expect(existsSync(`${dest('drop')}.part`)).toBe(false);
  });

  it('gives up at the overall deadline on a server that sends a byte at a time', async () => {
    await expect(downloadCaffemodel({ url: `${base}/trickle`, sha1, dest: dest('trickle'), deadlineMs: 600 })).rejects.toThrow(
      /^download of http:\/\/127\.0\.0\.1:\d+\/trickle failed after \d+ of 300000 bytes \(it did not finish within 0\.6 s\)$/
    );
    expect(readdirSync(join(temp.path, 'trickle'))).toEqual([]);
  });

  it('refuses more bytes than a caffemodel can take, announced or sent', async () => {
    await expect(downloadCaffemodel({ url: `${base}/huge`, sha1, dest: dest('huge'), maxBytes: body.length })).rejects.toThrow(
      /\/huge announces 2\.86 MiB, more than the 293\.0 KiB a GoogLeNet caffemodel can take; not downloaded$/
    );
    await expect(downloadCaffemodel({ url: `${base}/endless`, sha1, dest: dest('endless'), maxBytes: 1024 * 1024 })).rejects.toThrow(
      /^download of http:\/\/127\.0\.0\.1:\d+\/endless stopped at 1\.06 MiB: more than the 1\.00 MiB a GoogLeNet caffemodel can take$/
    );
    expect(readdirSync(join(temp.path, 'endless'))).toEqual([]);
    // The upstream file's bound is computed from the network: every weight with the auxiliary heads.
    expect(UPSTREAM_MAX_BYTES).toBe(4 * 13_378_280 + 1024 * 1024);
  });

  it('writes a part file of its own per run, so two runs at once both succeed', async () => {
    const [a, b] = await Promise.all([0, 1].map(() => downloadCaffemodel({ url: `${base}/good`, sha1, dest: dest('twice') })));
    expect([a, b]).toEqual([dest('twice'), dest('twice')]);
    expect(readFileSync(dest('twice')).equals(body)).toBe(true);
    expect(readdirSync(join(temp.path, 'twice'))).toEqual(['bvlc_googlenet.caffemodel']);
  });

  it('removes parts left by runs that are gone, and its own when killed', async () => {
    const dir = join(temp.path, 'killed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'bvlc_googlenet.caffemodel.part'), 'from an older version');
    writeFileSync(join(dir, `bvlc_googlenet.caffemodel.${deadPid()}-abcd.part`), 'from a killed run');
    const script = `import('./src/lib/node/download.ts').then(({ downloadCaffemodel }) => downloadCaffemodel({
      url: ${JSON.stringify(`${base}/half-then-wait`)}, sha1: ${JSON.stringify(sha1)}, dest: ${JSON.stringify(join(dir, 'bvlc_googlenet.caffemodel'))},
      onProgress: () => process.stdout.write('receiving\\n') }))`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const parts = readdirSync(dir);
    expect(parts).toHaveLength(1); // the stale ones are gone, its own is there
    expect(parts[0]).toMatch(new RegExp(`^bvlc_googlenet\\.caffemodel\\.${child.pid}-[0-9a-f]+\\.part$`));
    const exit = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    child.kill('SIGTERM');
    expect(await exit).toBe('SIGTERM');
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('reports an HTTP error status', async () => {
    await expect(downloadCaffemodel({ url: `${base}/missing`, sha1, dest: dest('404') })).rejects.toThrow(/answered HTTP 404$/);
  });
});
