import { bgNbdModel } from './bgNbd';
import { paretoNbdModel } from './paretoNbd';
import { sbgModel } from './sbg';
import type { ChurnModel, ModelMethod } from './types';

export * from './types';
export { suppliedObject } from './supplied';
export { leftOutReasons, type LeftOutHistory } from './leftOut';

/** Every churn model, by method. */
export const CHURN_MODELS: Record<ModelMethod, ChurnModel> = { bgNbd: bgNbdModel, paretoNbd: paretoNbdModel, sbg: sbgModel };
