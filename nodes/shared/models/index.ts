export * from './data';
export * from './bgnbd';
export * from './paretoNbd';
export * from './gammaGamma';
export * from './sbg';
export * from './clv';
