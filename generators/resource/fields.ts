/**
 * The `--fields` grammar of `secure-ts resource`: a flag's text into field records. The records'
 * own rules (names, bounds, types) are the core's (../shared/resource-spec.ts), which validates a
 * recorded resource in `.yo-rc.json` the same way.
 */
import { fieldError, fieldsMax, fieldSpecMax, fieldTypes, type FieldRecord, type FieldType } from '../shared/resource-spec.ts';

/**
 * Parses `title:string:max=200,price:int:min=0,due:date?`: `name:type`, then `min=N` / `max=N`
 * (each at most once), then an optional trailing `?`. Throws one-line messages (the caller names the flag).
 */
export function parseFields(spec: unknown): FieldRecord[] {
  if (typeof spec !== 'string' || spec.trim().length === 0) throw new Error('give at least one field, e.g. "title:string:max=200"');
  if (spec.length > fieldSpecMax) throw new Error(`the field list must be at most ${fieldSpecMax} characters`);
  const items = spec.split(',').map((item) => item.trim());
  if (items.length > fieldsMax) throw new Error(`at most ${fieldsMax} fields`);
  const seen = new Set<string>();
  return items.map((item) => {
    if (!/^[A-Za-z0-9:=?.+-]+$/u.test(item)) {
      throw new Error(`field ${JSON.stringify(item)} may contain only letters, digits and : = ? . - (name:type[:min=N][:max=N][?])`);
    }
    const optional = item.endsWith('?');
    const [name = '', type = '', ...modifiers] = (optional ? item.slice(0, -1) : item).split(':');
    if (!(fieldTypes as readonly string[]).includes(type)) {
      throw new Error(`field ${JSON.stringify(name)}: type must be one of ${fieldTypes.join(', ')} (got ${JSON.stringify(type)})`);
    }
    const field: { name: string; type: FieldType; min?: number; max?: number; optional?: boolean } = { name, type: type as FieldType };
    for (const modifier of modifiers) {
      const match = /^(min|max)=(-?\d{1,16}(?:\.\d{1,6})?)$/u.exec(modifier);
      if (match === null) throw new Error(`field ${JSON.stringify(name)}: modifier ${JSON.stringify(modifier)} must be min=N or max=N`);
      const key = match[1] as 'min' | 'max';
      if (field[key] !== undefined) throw new Error(`field ${JSON.stringify(name)}: ${key} is given twice`);
      field[key] = Number(match[2]);
    }
    if (optional) field.optional = true;
    const problem = fieldError(field);
    if (problem !== undefined) throw new Error(problem);
    if (seen.has(name)) throw new Error(`field ${name} is given twice`);
    seen.add(name);
    return field;
  });
}
