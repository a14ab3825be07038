// What a bare app answers GET /items/:id with. Without BENCH_DATABASE_PATH: the secured app's
// JSON, parsed once (the baseline: no database work at all). With it: the same item read
// by id from the secured app's SQLite file through one prepared node:sqlite statement, the
// cheapest way to serve those bytes from the database, so the ratio against this baseline is the
// cost of the controls and the stack (Kysely, ownership, session) rather than of having data.
import { DatabaseSync } from 'node:sqlite';

export function itemSource() {
  const path = process.env.BENCH_DATABASE_PATH;
  if (path === undefined) {
    const body = JSON.parse(process.env.BENCH_BODY);
    return () => body;
  }
  const byId = new DatabaseSync(path, { readOnly: true }).prepare('select id, name, description, created_at, updated_at from items where id = ?');
  return (id) => {
    const row = byId.get(id);
    return row === undefined ? undefined : { id: row.id, name: row.name, description: row.description, createdAt: row.created_at, updatedAt: row.updated_at };
  };
}
