export * from './consent';
export * from './frequencyCap';
export * from './quietHours';
export * from './reasons';
export * from './timeZone';
