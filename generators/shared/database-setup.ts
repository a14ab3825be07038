/**
 * The commands that give a new PostgreSQL or MySQL project the database its `npm run dev`
 * connects to. One source for the CLI's next steps; the generated docs/database.md carries the
 * same lines (test/unit/next-steps.test.ts holds them equal), so the two never disagree.
 */
import type { Database } from './choices.ts';

export interface DatabaseSetup {
  /** The server, as a reader would name it. */
  readonly server: string;
  /** Shell lines, run once from the project folder: create the role/user and database, then point DATABASE_URL at them. */
  readonly commands: readonly string[];
  /** What `npm test` needs, in one line. */
  readonly tests: string;
}

/**
 * A fresh random password for the app's role, kept in a shell variable: no password is written
 * into the docs or the terminal history, and a secret scanner finds no literal credential in a
 * fresh project (secretlint's recommended rules read `${VAR}` as a placeholder).
 */
const PASSWORD_LINE = `APP_DB_PASSWORD="$(node -p "require('node:crypto').randomBytes(18).toString('base64url')")"`;

const setups: Partial<Record<Database, DatabaseSetup>> = {
  postgres: {
    server: 'PostgreSQL',
    commands: [
      PASSWORD_LINE,
      `psql -h 127.0.0.1 -U postgres -c "CREATE ROLE app LOGIN PASSWORD '$APP_DB_PASSWORD'" -c "CREATE DATABASE app OWNER app"`,
      `echo "DATABASE_URL=postgres://app:\${APP_DB_PASSWORD}@127.0.0.1:5432/app" >> .env`,
    ],
    tests: 'npm test creates and drops its own databases on TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; needs CREATEDB)',
  },
  mysql: {
    server: 'MySQL/MariaDB',
    commands: [
      PASSWORD_LINE,
      `mysql -h 127.0.0.1 -u root -p -e "CREATE DATABASE app CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; CREATE USER 'app'@'%' IDENTIFIED BY '$APP_DB_PASSWORD'; GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON app.* TO 'app'@'%'"`,
      `echo "DATABASE_URL=mysql://app:\${APP_DB_PASSWORD}@127.0.0.1:3306/app" >> .env`,
    ],
    tests: 'npm test creates and drops its own databases on TEST_DATABASE_URL (default mysql://root@127.0.0.1:3306/test; needs global CREATE and DROP)',
  },
};

/** Undefined for SQLite (a file the server creates) and none. */
export const databaseSetup = (database: Database): DatabaseSetup | undefined => setups[database];
