/**
 * The visit's gradient worker for the DeepDream and attribution widgets, imported on first use
 * (the page does not load it, nor tfjs with it, before a reader asks), and how its answers read.
 */
import type { GradientClient } from '../../engine/browser/gradient-client';

type ClientModule = typeof import('../../engine/browser/gradient-client');

let module: ClientModule | null = null;
let client: Promise<GradientClient> | null = null;

/** The one shared client (see gradient-client.ts: one per visit). */
export function gradients(): Promise<GradientClient> {
	client ??= import('../../engine/browser/gradient-client').then((m) => {
		module = m;
		return m.gradientClient();
	});
	client.catch(() => (client = null));
	return client;
}

/** True for the error a job's `stop()` ends it with (GradientStopped, an AbortError). */
export const stopped = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/** One line for a failure, whatever was thrown (a worker's message, an Error, a string). */
export function oneLine(e: unknown): string {
	if (module && e instanceof module.GradientNoWeights)
		return 'this site has no converted weights yet (run npm run weights -- --from PATH, then rebuild)';
	const text = e instanceof Error ? e.message : typeof e === 'string' ? e : 'the gradient worker failed';
	const line = text.split('\n')[0]?.trim() ?? '';
	return line || 'the gradient worker failed';
}
