// Feature visualization, DeepDream and attribution (components/gradients, components/dream). Keys start 'grad.' or 'dream.'.
// English; the Korean is gradients.ko.ts, typed against this file. Spread into en.ts.
export const gradientsEn = {
	// Feature visualization (components/gradients)
	'grad.open': 'What does this channel look for?',
	'grad.hide': 'hide',
	'grad.widget': 'What does this channel look for? (live)',
	'grad.pick.layer': 'layer',
	'grad.pick.module': 'inception ({id}) output',
	'grad.pick.channel': 'channel (0 to {max})',
	'grad.region': 'Feature visualization of channel {channel} of {layer}',
	'grad.label.excites': 'what excites channel {channel} of {layer} most',
	'grad.label.suppresses': 'what suppresses channel {channel} of {layer} most',
	'grad.stop': 'stop',
	'grad.again': 'make it again',
	'grad.make': 'make the picture',
	'grad.step': 'step {step} of {steps}',
	'grad.mean': 'channel mean before its ReLU {value}',
	'grad.stopped': 'stopped',
	'grad.madeIn': 'made in {time}',
	'grad.kept': 'kept in this browser',
	'grad.keptMadeIn': 'kept in this browser (made in {time})',
	'grad.missing': 'No converted weights on this site: {message}',
	'grad.failed': 'The picture could not be made: {message}',
	'grad.engine': 'Computed off the page’s thread on {backend}.',
	'grad.engine.reason': 'Computed off the page’s thread on {backend} ({reason}).',
	'grad.picture': '{label}, picture {i} of {n}',
	'grad.download': 'download PNG',
	'grad.settings': 'Settings of the picture',
	'grad.steps': 'steps',
	'grad.size': 'size',
	'grad.direction': 'direction',
	'grad.excites': 'excites it most',
	'grad.suppresses': 'suppresses it most',
	'grad.robust': 'jitter, scale, rotate',
	'grad.decorrelate': 'decorrelated colour',
	'grad.fourier': 'Fourier parameters',
	'grad.diverse': 'a diverse set of {n}',

	// DeepDream (components/dream)
	'dream.layer': 'Layer to amplify',
	'dream.layer.original': '{name} (the original’s)',
	'dream.size': 'Size',
	'dream.octaves': 'Octaves',
	'dream.steps': 'Steps per octave',
	'dream.cost': '{steps} gradient steps, as much work as {equivalent} steps on a 224×224 picture.',
	'dream.cost.measured': '{steps} gradient steps, as much work as {equivalent} steps on a 224×224 picture: about {time} here, at the speed of the last run.',
	'dream.stop': 'Stop',
	'dream.start': 'Dream',
	'dream.download': 'Download PNG',
	'dream.progress': 'Octave {octave} of {octaves}, step {step} of {steps}',
	'dream.done.one': 'Done: {n} octave of {steps} steps on {layer}.',
	'dream.done.many': 'Done: {n} octaves of {steps} steps on {layer}.',
	'dream.done.one.skipped': 'Done: {n} octave of {steps} steps on {layer} (the smallest {skipped} skipped: under {min} pixels a side).',
	'dream.done.many.skipped': 'Done: {n} octaves of {steps} steps on {layer} (the smallest {skipped} skipped: under {min} pixels a side).',
	'dream.stoppedAt': 'Stopped at octave {octave} of {octaves}, step {step} of {steps}; the picture so far is kept.',
	'dream.stopped': 'Stopped.',
	'dream.failed': 'DeepDream failed: {message}',
	'dream.cannotStart': 'DeepDream could not start: {message}',
	'dream.png': 'Could not make the PNG: {message}',
	'dream.noPhoto': 'No photo yet: choose one above, and DeepDream works on it.',
	'dream.picture': 'The photo dreamed on {layer}',
	'dream.amplified': 'Amplified: {group} ({layer}).',
	'dream.how':
		'Each step nudges the photo up the gradient of the chosen layer’s mean squared activation, so whatever that layer already sees in it grows; octaves repeat it from a smaller to the full size (coarse shapes first), and jitter shifts the picture a few pixels each step so no pixel grid is favoured. This is the notebook’s own demonstration, after Mordvintsev et al. (2015); the paper itself has no such pictures.',
	'dream.widget': 'DeepDream, on the real network',
	'dream.widget.caption':
		'The photo changed, step by step, to excite the chosen layer more: the network’s own gradients, computed in this browser. The weights download when you start it.',

	// The live page's section (LiveExplain)
	'dream.live.why': 'Why this answer: attribution for the top 5',
	'dream.live.whyNote':
		'Which pixels of the centre crop moved each of the five scores, by two gradient methods; the notebook’s own addition (the paper shows no such maps). They run in a background worker with its own copy of the weights, on tfjs.',
	'dream.live.dream': 'DeepDream on your photo',

	// A chapter widget's photo (PhotoPicker)
	'dream.photo': 'Photo',
	'dream.photo.yours': 'your image',
	'dream.photo.own': 'or your own:',
	'dream.photo.pick': 'Choose a photo…',

	// Attribution
	'dream.attr.method': 'Method',
	'dream.attr.gradcam': 'Grad-CAM',
	'dream.attr.saliency': 'Gradient saliency',
	'dream.attr.layer': 'Grad-CAM layer',
	'dream.attr.computing': 'Computing…',
	'dream.attr.run': 'Explain the top 5',
	'dream.attr.noPhoto': 'No photo yet: choose one above, and its top 5 can be explained.',
	'dream.attr.noTop5': 'The maps need the network’s top 5 for this photo: they appear once it has run.',
	'dream.attr.failed': 'The maps could not be computed: {message}',
	'dream.attr.count': 'the worker returned {maps} maps for {classes} classes',
	'dream.attr.shown.gradcam': '{method} on {tap}, for each of the top 5 on the centre crop the network saw:',
	'dream.attr.shown': '{method}, for each of the top 5 on the centre crop the network saw:',
	'dream.attr.caveat.saliency':
		'Gradient saliency (gradient × input, Shrikumar et al., 2016): |the sum over the three colours of ∂ class score / ∂ pixel × pixel|, the pixel measured from the mean image, at {size}×{size}: a first-order estimate of how far the score would move if that pixel were the mean image’s. Noisy, and it follows the photo’s own edges too.',
	'dream.attr.caveat.gradcam':
		'Grad-CAM (Selvaraju et al., 2017): {tap}’s channels weighted by the class score’s mean gradient over each, positive part only. Coarse: {grid} for this layer, upsampled to the photo.',
	'dream.attr.ownSize': 'its own size',
	'dream.attr.heatmap': 'Heat map for {label}',
	'dream.attr.widget': 'Why this answer, on the real network',
	'dream.attr.load': 'Load the network',
	'dream.attr.netFailed': 'The network could not run: {message}',
	'dream.attr.caption':
		'Heat maps of the top 5 classes over the centre crop, computed from the real network’s gradients in this browser. Neither method is in the paper (saliency maps 2014, gradient × input 2016, Grad-CAM 2017).',

	// The randomization check (Adebayo et al., 2018)
	'dream.check.region': 'Sanity check: randomized weights',
	'dream.check.title': 'Does the map depend on the network? (Adebayo et al., 2018)',
	'dream.check.note':
		'Re-draw the top layers’ weights at random, from the classifier down to a chosen module, and compute the {method} map again: a map that explains the network must change.',
	'dream.check.class': 'Class',
	'dream.check.randomize': 'Randomize',
	'dream.check.run': 'Randomize the weights and compare',
	'dream.check.failed': 'The check could not run: {message}',
	'dream.check.noMap': 'the worker returned no map',
	'dream.check.trained': 'trained weights',
	'dream.check.randomized': 'randomized',
	'dream.check.classifier': 'the classifier (loss3/classifier)',
	'dream.check.downTo': 'down to {group}',
	'dream.verdict.bothFlat': 'Both maps are flat (every pixel the same): there is nothing to compare.',
	'dream.verdict.emptyAfter':
		'With random weights the map is empty: no part of the crop raises this class’s score any more. It changed completely (a flat map ranks nothing, so no rank correlation).',
	'dream.verdict.emptyBefore': 'The trained map is empty and the randomized one is not: the map changed (a flat map ranks nothing, so no rank correlation).',
	'dream.verdict.changed':
		'Spearman rank correlation between the two maps: {rho} (1 would be the same ranking of pixels). The map changed: it depends on the trained weights, as it must.',
	'dream.verdict.unchanged':
		'Spearman rank correlation between the two maps: {rho} (1 would be the same ranking of pixels). The map barely changed (at or above {threshold}): here it shows the photo more than the network.',

	// Layers offered, and failures in one line
	'dream.module': 'inception ({id})',
	'dream.layer.notOffered': '{name} cannot be used here (it is not one of the {n} layers offered); using {fallback}.',
	'dream.layer.unknown': 'This network has no layer named “{name}”; using {fallback}.',
	'dream.canvas.read': 'this browser cannot read pixels from a canvas',
	'dream.canvas.draw': 'this browser cannot draw on a canvas',
	'dream.noWeights': 'this site has no converted weights yet (run npm run weights -- --from PATH, then rebuild)',
	'dream.workerFailed': 'the gradient worker failed'
} as const;
