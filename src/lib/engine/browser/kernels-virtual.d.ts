// The kernels' binaries, built from src/kernels by scripts/vite-kernels.ts: one URL per variant.
declare module 'virtual:googlenet-kernels' {
	export const kernelsUrl: Readonly<Record<'shared' | 'single', string>>;
}
