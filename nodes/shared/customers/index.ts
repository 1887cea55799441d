export * from './summarise';
export * from './records';
export * from './moneySum';
