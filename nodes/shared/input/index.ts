export * from './errors';
export * from './fields';
export * from './numbers';
export * from './dates';
export * from './luxon';
export * from './dateReader';
export * from './plausible';
export * from './wallClock';
