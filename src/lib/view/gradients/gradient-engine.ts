/**
 * The gradient worker follows the reader's engine choice (the live page's backend switch, kept for
 * every page; `?backend=` in the address overrides it), else the fastest backend here, with the
 * chosen precision of the site's weights. Installed once, on the first import in the browser; it
 * also hangs a debug hook on the window for the end-to-end tests (jobs posted, worker memory).
 */
import { gradientClient, setGradientEngine, type GradientClient } from '$lib/engine/browser/gradient-client';
import { DEFAULT_FEATURE_VIS } from '$lib/engine/gradients/feature-vis';
import { choiceFromQuery, readChoice, type EngineChoice } from '$lib/view/live/engine-choice';
import { MODEL_BASE } from '$lib/view/live/session-state.svelte';
import { backendFor, sharedEngine } from '$lib/view/live/shared-engine';

export interface GradientDebug {
	jobs(): number;
	memory(): Promise<{ numTensors: number; numBytes: number }>;
	/** One feature-visualization job with the given steps and size; resolves to the steps it reported. */
	visualize(layer: string, channel: number, steps: number, size: number): Promise<number>;
}

/** The reader's choice, with what this page's address names first. */
export const currentChoice = (): EngineChoice => choiceFromQuery(new URLSearchParams(location.search), readChoice());

let installed = false;

/** The visit's gradient client, running on the reader's engine. */
export function gradients(): GradientClient {
	const client = gradientClient();
	if (!installed && typeof window !== 'undefined') {
		installed = true;
		setGradientEngine(async () => {
			const choice = currentChoice();
			const backend = choice.backend ?? backendFor(await sharedEngine(), choice);
			return { backend, precision: choice.precision, base: MODEL_BASE };
		});
		const hook: GradientDebug = {
			jobs: () => client.jobs,
			memory: () => client.memory(),
			visualize: async (layer, channel, steps, size) => {
				let last = 0;
				await client.featureVis({ kind: 'channel', tap: layer, channel }, { ...DEFAULT_FEATURE_VIS, steps, size }, (p) => (last = p.step)).result;
				return last;
			}
		};
		(window as unknown as { __gradientDebug?: GradientDebug }).__gradientDebug = hook;
	}
	return client;
}
