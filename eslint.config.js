// Lint for the generator itself. Templates are EJS, linted where it counts: in the generated
// projects, whose own `npm run lint` runs in the end-to-end tests.
import { existsSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// A project generated inside this clone (e.g. by an older `npm run new`) has its own lint config
// and dependencies: any top-level folder holding a .yo-rc.json is not this generator's code.
const generatedProjects = readdirSync(import.meta.dirname, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${import.meta.dirname}/${entry.name}/.yo-rc.json`))
  .map((entry) => `${entry.name}/`);

export default tseslint.config(
  { ignores: ['dist/', 'templates/', 'node_modules/', 'coverage/', ...generatedProjects] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // Process execution only through argument arrays (generator.spawn / execa), never a shell.
      'no-restricted-imports': ['error', { paths: [{ name: 'child_process', message: 'use this.spawn(cmd, args) or execa with an argument array' }] }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  { files: ['bench/bare/*.mjs'], languageOptions: { globals: { process: 'readonly' } } },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
