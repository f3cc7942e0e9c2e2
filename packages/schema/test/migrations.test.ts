import { readdirSync, readFileSync } from 'node:fs';
import type { DrizzleMySQLSnapshotJSON } from 'drizzle-kit/api';
import { generateMySQLDrizzleJson, generateMySQLMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import * as tables from '../src/tables';

const meta = new URL('../drizzle/meta/', import.meta.url);

function latestSnapshot(): DrizzleMySQLSnapshotJSON {
  const latest = readdirSync(meta)
    .filter((file) => file.endsWith('_snapshot.json'))
    .sort()
    .at(-1);
  if (!latest) throw new Error('no drizzle snapshot: run pnpm db:generate');
  return JSON.parse(readFileSync(new URL(latest, meta), 'utf8'));
}

describe('the committed migrations', () => {
  it('are up to date with src/tables.ts (else run pnpm --filter @m4/schema db:generate)', async () => {
    const current = await generateMySQLDrizzleJson({ ...tables });
    const pending = await generateMySQLMigration(latestSnapshot(), current);
    expect(pending).toEqual([]);
  });

  it('keep the zero-date default in the SQL', () => {
    const sql = readdirSync(new URL('../drizzle/', import.meta.url))
      .filter((file) => file.endsWith('.sql'))
      .map((file) => readFileSync(new URL(`../drizzle/${file}`, import.meta.url), 'utf8'))
      .join('\n');
    expect(sql).toContain("`month_plan_updated` datetime DEFAULT '0000-00-00 00:00:00'");
  });
});
