export * from './special';
export * from './hypergeometric';
export * from './optimize';
export * from './rounding';
