export * from './builtins';
export * from './compliance';
export * from './html';
export * from './placeholders';
export * from './render';
export * from './htmlTemplate';
export * from './safeUrl';
