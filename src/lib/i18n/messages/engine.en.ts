// The engine's messages shown to readers (weights, backends, the gradient worker), raised as LocalizedError. Keys start 'engine.'.
// English; the Korean is engine.ko.ts, typed against this file. Spread into en.ts.
export const engineEn = {
	'engine.grad.workerFailed': 'the gradient worker failed: {reason}',
	'engine.grad.workerSilent': 'the gradient worker stopped answering (nothing for {seconds} s): try again',
	'engine.grad.caveat.gradientTimesInput':
		"Gradient saliency (gradient × input, Shrikumar et al., 2016): |∂ class score / ∂ pixel × pixel|, the pixel taken from the mean image, summed over the three colours, at {size}×{size}; it follows the photo's own edges too. Noisy, and it shows sensitivity (what would change the score), not importance.",
	'engine.grad.caveat.smoothGrad':
		'SmoothGrad (Smilkov et al., 2017): |∂ class score / ∂ pixel| averaged over {n} copies of the photo with noise of {noise} of its range, the largest of the three colours, at {size}×{size}. Less grainy than one gradient, {n} times the cost; it shows sensitivity, not importance.',
} as const;
