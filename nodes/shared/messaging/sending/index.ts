export * from './careBatch';
export * from './clock';
export * from './deliver';
export * from './dispatch';
export * from './pacing';
export * from './pool';
export * from './retry';
export * from './prepare';
