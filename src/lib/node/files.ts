/**
 * Reading a file the user named, safely: what it is (a regular file, not a folder, a named pipe
 * that would block or a device such as /dev/zero that never ends) and how large, checked before
 * a byte is read, and Node's error codes put into words. Every message starts with the file.
 */
import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';

const WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links (a link that points back at itself?)',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the path is too long',
  EISDIR: 'is a folder, not a file',
  EMFILE: 'too many open files',
  EIO: 'input/output error reading the disk'
};

/** `ELOOP` -> words; another error keeps its code (or message) in brackets. */
export function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return (err.code && WORDS[err.code]) ?? `cannot read (${err.code ?? err.message})`;
}

/** Thrown for a file that cannot be used; the message names it. */
export class FileError extends Error {}

function kindOf(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'is a folder, not a file';
  if (info.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'is a device, not a regular file';
  if (info.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

/** Stats of a regular file at `path`, or a FileError naming it (`label`, default `path`). */
export function regularFile(path: string, label = path): Stats {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (e) {
    throw new FileError(`${label}: ${reasonOf(e)}`);
  }
  const problem = kindOf(info);
  if (problem) throw new FileError(`${label}: ${problem}`);
  return info;
}

/**
 * Up to `length` bytes from the start of a regular file (the whole file when it is shorter):
 * the file is opened once and read by position, so it never grows past what was asked.
 */
export function readStart(path: string, length: number, label = path): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const out = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, out, got, length - got, got);
      if (n === 0) break;
      got += n;
    }
    return out.subarray(0, got);
  } catch (e) {
    throw new FileError(`${label}: ${reasonOf(e)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
