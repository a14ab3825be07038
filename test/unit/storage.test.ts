import { describe, expect, it } from 'vitest';
import { databases } from '../../generators/shared/choices.ts';
import { UsageError } from '../../generators/shared/option-spec.ts';
import { hasStorage, requireStorage, storageDatabases } from '../../generators/shared/storage.ts';

describe('requireStorage', () => {
  it.each(storageDatabases)('lets a feature that keeps data through on %s', (database) => {
    expect(hasStorage({ database })).toBe(true);
    expect(() => requireStorage({ database }, 'accounts')).not.toThrow();
  });

  it('refuses it on --database none with a one-line UsageError naming the feature and the way out', () => {
    expect(hasStorage({ database: 'none' })).toBe(false);
    let caught: unknown;
    try {
      requireStorage({ database: 'none' }, 'accounts');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    const { message } = caught as UsageError;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^accounts needs a database, and this project was generated with --database none/u);
    expect(message).toContain('--database sqlite|postgres|mysql');
  });

  it('offers every database of the tuple except none', () => {
    expect([...storageDatabases, 'none'].sort()).toEqual([...databases].sort());
  });
});
