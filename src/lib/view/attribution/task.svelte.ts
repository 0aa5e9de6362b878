/**
 * One widget's job in the visit's gradient worker (a dream, the maps, the randomization check):
 * at most one at a time, stoppable, and how it ended: its result, stopped by the reader, or a
 * failure in one line in the reader's edition. The three gradient widgets share it instead of
 * each repeating the worker's start, the job's state and the stop/failure handling.
 */
import type { GradientClient, GradientJob } from '../../engine/browser/gradient-client';
import { gradients, oneLine, stopped } from './client';
import { english, type Translate } from './words';

export type TaskEnd<T> = { readonly kind: 'done'; readonly value: T } | { readonly kind: 'stopped' } | { readonly kind: 'failed'; readonly message: string };

export class GradientTask<T> {
	job: GradientJob<T> | null = $state.raw(null);

	constructor(private readonly client: () => Promise<GradientClient> = gradients) {}

	get busy(): boolean {
		return this.job !== null;
	}

	stop(): void {
		this.job?.stop();
	}

	/**
	 * Posts `make`'s job and waits for it; `then` turns the result into what the widget keeps (it may
	 * throw, e.g. on a result of the wrong length: that is a failure too). A second run while one is
	 * going is refused as stopped.
	 */
	async run<R = T>(make: (client: GradientClient) => GradientJob<T>, t: Translate = english, then: (value: T) => R | Promise<R> = (v) => v as unknown as R): Promise<TaskEnd<R>> {
		if (this.job) return { kind: 'stopped' };
		try {
			const mine = make(await this.client());
			this.job = mine;
			return { kind: 'done', value: await then(await mine.result) };
		} catch (e) {
			return stopped(e) ? { kind: 'stopped' } : { kind: 'failed', message: oneLine(e, t) };
		} finally {
			this.job = null;
		}
	}
}
