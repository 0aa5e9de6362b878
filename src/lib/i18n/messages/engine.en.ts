// The engine's messages shown to readers (weights, backends, the gradient worker), raised as LocalizedError. Keys start 'engine.'.
// English; the Korean is engine.ko.ts, typed against this file. Spread into en.ts.
export const engineEn = {
	'engine.grad.workerFailed': 'the gradient worker failed: {reason}',
	'engine.grad.workerSilent': 'the gradient worker stopped answering (nothing for {seconds} s): try again',
} as const;
