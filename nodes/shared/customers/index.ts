export * from './summarise';
export * from './records';
