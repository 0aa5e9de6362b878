// ImageNet's class names in Korean, in the model's index order: [WordNet id, 한국어 이름].
// The ids follow synset_words.txt line by line (tests/unit/i18n/imagenet.test.ts checks them).
// The names are the notebook's own translation: the name a Korean reader would say, a dog breed by
// its usual Korean name or transliteration.
export const IMAGENET_KO: readonly (readonly [wnid: string, name: string])[] = [
];
