// Vite plugin: keeps tfjs's multi-threaded WASM backend working once the bundle is minified.
//
// tfjs-backend-wasm starts its worker threads from the factory function's own source text
// (`wasmFactoryThreadedSimd.toString()` in a Blob). That function reads `_scriptDir`, a variable
// of the wrapper around it; minified, the guard `typeof _scriptDir !== "undefined"` is folded
// away and the name shortened, so in a worker the text fails with "ReferenceError: e is not
// defined" and no thread starts. In a browser that variable is always undefined for a bundled
// module (no document.currentScript, no __filename), so its two uses are dropped here.

const FILE = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const PATCHES = [
	['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
	['"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir,', '"urlOrBlob":Module["mainScriptUrlOrBlob"],']
];

/** @returns {import('vite').Plugin} */
export function tfjsWasmThreads() {
	return {
		name: 'tfjs-wasm-threads',
		enforce: 'pre',
		transform(code, id) {
			if (!FILE.test(id)) return null;
			let out = code;
			for (const [from, to] of PATCHES) {
				if (!out.includes(from)) {
					this.warn(`tfjs-wasm-threads: "${from.slice(0, 40)}..." not found; threaded WASM may fail once minified`);
					continue;
				}
				out = out.replace(from, to);
			}
			return { code: out, map: null };
		}
	};
}
