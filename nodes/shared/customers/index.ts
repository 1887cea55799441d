export * from './summarise';
