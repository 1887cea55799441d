export * from './signals';
export * from './risk';
export * from './models';
