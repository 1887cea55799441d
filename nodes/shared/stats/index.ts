export * from './special';
export * from './optimize';
