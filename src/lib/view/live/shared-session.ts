/**
 * One live session for the whole visit: the live page and the architecture page show the same
 * photo, run on the same engine and read the same result. Created on first use in the browser;
 * a page joins it with `attach` and leaves it running when it goes.
 */
import { LiveSession } from './session.svelte';

let session: LiveSession | null = null;

export function liveSession(): LiveSession {
	session ??= new LiveSession();
	return session;
}
