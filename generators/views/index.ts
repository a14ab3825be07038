export { default } from './generator.ts';
