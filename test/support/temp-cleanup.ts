/** Vitest setup file: every test file removes the temporary folders it made (see temp.ts). */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.ts';

afterAll(removeTempDirs);
