/**
 * The visit's gradient worker for the DeepDream and attribution widgets, imported on first use
 * (the page does not load it, nor tfjs with it, before a reader asks), and how its answers read.
 */
import type { GradientClient, GradientEngine } from '../../engine/browser/gradient-client';
import { errorText, isMessageRef } from '../../i18n/localized-error';
import { english, type Translate } from './words';

type ClientModule = typeof import('../../engine/browser/gradient-client');

let module: ClientModule | null = null;
let client: Promise<GradientClient> | null = null;

/**
 * The backend and weights the worker runs on: the backend the visit's engine runs on (the reader's
 * choice, else the fastest here), the precision the reader chose; tfjs's kernels of that backend
 * (the worker falls back to tfjs-wasm, with its reason, where one does not start there).
 */
async function engineNow(): Promise<GradientEngine> {
	const [{ sharedEngine, backendFor }, { choiceFromQuery, readChoice }, { MODEL_BASE }] = await Promise.all([
		import('../live/shared-engine'),
		import('../live/engine-choice'),
		import('../live/session-state.svelte')
	]);
	const shared = await sharedEngine();
	const choice = choiceFromQuery(new URLSearchParams(location.search), readChoice());
	return { backend: shared.engine.backend ?? backendFor(shared, choice), precision: choice.precision, base: MODEL_BASE };
}

/** The one shared client (see gradient-client.ts: one per visit). */
export function gradients(): Promise<GradientClient> {
	client ??= import('../../engine/browser/gradient-client').then((m) => {
		module = m;
		m.setGradientEngine(engineNow);
		return m.gradientClient();
	});
	client.catch(() => (client = null));
	return client;
}

/** True for the error a job's `stop()` ends it with (GradientStopped, an AbortError). */
export const stopped = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/** One line for a failure, whatever was thrown (a worker's message, an Error, a string). */
export function oneLine(e: unknown, t: Translate = english): string {
	if (module && e instanceof module.GradientNoWeights) return t('dream.noWeights');
	const text = isMessageRef(e) || e instanceof Error || typeof e === 'string' ? errorText(e, t) : t('dream.workerFailed');
	const line = text.split('\n')[0]?.trim() ?? '';
	return line || t('dream.workerFailed');
}
