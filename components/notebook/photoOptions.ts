// The sample photos as the options of a photo choice (PatchSampler, CropGrid): each by its short
// name in the reader's edition ("coffee" / "커피"), its value the file name.
import type { MessageKey, Params } from '$lib/i18n/translate';
import { SAMPLES } from './samples';

/** The catalogue key of a sample's short name: "coffee.png" -> "w.photo.coffee". */
export const photoKey = (file: string): MessageKey => `w.photo.${file.split('.')[0]}` as MessageKey;

export const photoOptions = (t: (key: MessageKey, params?: Params) => string): { value: string; label: string }[] =>
	SAMPLES.map((s) => ({ value: s.file, label: t(photoKey(s.file)) }));
