export * from './signals';
export * from './risk';
