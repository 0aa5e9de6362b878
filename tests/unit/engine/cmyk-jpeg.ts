/**
 * A minimal baseline JPEG writer for a uniform four-component (CMYK) image, so the tests can
 * make a CMYK file without an image library: every 8x8 block holds only its DC coefficient.
 */
const marker = (code: number, payload: number[]) => [0xff, code, ((payload.length + 2) >> 8) & 0xff, (payload.length + 2) & 0xff, ...payload];

/** `values`: the four stored component values (0..255). `adobe`: write the APP14 marker. */
export function cmykJpeg(width: number, height: number, values: readonly number[], adobe = true): Uint8Array {
  const dcs = values.map((v) => 8 * (v - 128)); // DC of a flat block, quantiser 1
  const category = (d: number) => (d === 0 ? 0 : Math.floor(Math.log2(Math.abs(d))) + 1);
  const cats = [...new Set([0, ...dcs.map(category)])].sort((a, b) => a - b);
  // DC Huffman table: every category used, all with codes of length 3 (at most 7 < 8 codes).
  const dcCode = new Map(cats.map((c, i) => [c, i]));
  let bits = '';
  const put = (code: number, length: number) => (bits += code.toString(2).padStart(length, '0'));
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  for (let b = 0; b < blocks; b++) {
    dcs.forEach((dc) => {
      const diff = b === 0 ? dc : 0;
      const c = category(diff);
      put(dcCode.get(c)!, 3);
      if (c > 0) put(diff > 0 ? diff : diff + (1 << c) - 1, c);
      put(0, 1); // AC: end of block (the only AC symbol, code "0")
    });
  }
  bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, '1');
  const scan: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = parseInt(bits.slice(i, i + 8), 2);
    scan.push(byte);
    if (byte === 0xff) scan.push(0); // byte stuffing
  }
  const counts = (lengths: Record<number, number>) => Array.from({ length: 16 }, (_, i) => lengths[i + 1] ?? 0);
  return Uint8Array.from([
    0xff, 0xd8,
    ...(adobe ? marker(0xee, [...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, 0]) : []),
    ...marker(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...marker(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 4, ...[1, 2, 3, 4].flatMap((id) => [id, 0x11, 0])]),
    ...marker(0xc4, [0x00, ...counts({ 3: cats.length }), ...cats]),
    ...marker(0xc4, [0x10, ...counts({ 1: 1 }), 0x00]),
    ...marker(0xda, [4, ...[1, 2, 3, 4].flatMap((id) => [id, 0x00]), 0, 63, 0]),
    ...scan,
    0xff, 0xd9
  ]);
}
