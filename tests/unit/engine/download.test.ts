import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, downloadCaffemodel } from '../../../src/lib/node/download';
import { tempDir } from './helpers';

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

  it('reports an HTTP error status', async () => {
    await expect(downloadCaffemodel({ url: `${base}/missing`, sha1, dest: dest('404') })).rejects.toThrow(/answered HTTP 404$/);
  });
});
