export * from './labels';
export * from './quantileScores';
export * from './rfm';
export * from './rfmColumnReader';
export * from './valueTier';
export * from './lifecycle';
export * from './rules';
export * from './summary';
