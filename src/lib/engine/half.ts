/**
 * float16 (IEEE 754 half) bits to float32 values, exactly: every half is a float32, so this is a
 * table of all 65536 of them, made once. The site's half-size weights are decoded with it
 * straight into the arrays the engines use, with no tensor made on the way.
 */
let table: Float32Array | null = null;

function makeTable(): Float32Array {
  const out = new Float32Array(65536);
  const bits = new Uint32Array(out.buffer);
  for (let h = 0; h < 65536; h++) {
    const sign = (h & 0x8000) << 16;
    const exponent = (h >> 10) & 0x1f;
    const mantissa = h & 0x3ff;
    if (exponent === 0) out[h] = (sign ? -1 : 1) * mantissa * 2 ** -24; // zero and subnormals
    else if (exponent === 31) bits[h] = (sign | 0x7f800000 | (mantissa << 13)) >>> 0; // infinities, NaNs
    else bits[h] = (sign | ((exponent + 112) << 23) | (mantissa << 13)) >>> 0;
  }
  return out;
}

/** Decodes `halves` into `out` (as long as `halves`). */
export function halvesToFloats(halves: Uint16Array, out: Float32Array = new Float32Array(halves.length)): Float32Array {
  const t = (table ??= makeTable());
  for (let i = 0; i < halves.length; i++) out[i] = t[halves[i] as number] as number;
  return out;
}
