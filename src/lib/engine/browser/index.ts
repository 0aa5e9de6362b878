/**
 * Everything the live page needs from tfjs, behind one module that the page imports lazily
 * (after it has drawn), so that the other pages never load tfjs and this one shows at once.
 */
export { probeBackends, BACKEND_LABELS, type BackendStatus } from './backend-probe';
export { fastestBackend, type DefaultBackend } from './default-backend';
export { measuredDefault } from './speed-probe';
export { timeBackends } from './speed-probe-run';
export { LiveEngine, RunRefused, type CropRun, type EngineEvents, type EngineStage, type SingleRun, type TapData, type WeightsInfo } from './live-engine';
export { imageFromBlob, imageFromUrl, imageFromVideo, ImageInputError, type InputImage } from './image-input';
export { importCaffemodel, importSynsetWords } from './import-caffemodel';
export { fetchLabels, NoWeightsError, clearWeightsCache, type FetchProgress } from './weights-fetch';
// Messages a reader sees, with their catalogue keys (show them with errorText(…, i18n.t)).
export { EngineError, messageOf, type EngineMessage } from '../message';
