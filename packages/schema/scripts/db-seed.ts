import { parseArgs } from 'node:util';
import {
  DEFAULT_MYSQL_URL,
  databaseName,
  generateDemoDataset,
  pushSchema,
  writeDataset,
} from '../src/dev/index';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: process.env.SEED_USERS ?? '0' },
    seed: { type: 'string', default: process.env.SEED ?? '1' },
  },
  // `pnpm db:seed -- --users 10` passes a lone `--` through.
  allowPositionals: true,
});

function count(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number, got "${text}"`);
  return Number(text);
}

const mysqlUrl = process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL;
const extraUsers = count('users', values.users);
const seed = count('seed', values.seed);

await pushSchema(mysqlUrl);
const started = performance.now();
const dataset = generateDemoDataset({ seed, extraUsers });
const generated = performance.now();
await writeDataset(mysqlUrl, dataset, { truncate: true });
const written = performance.now();

console.log(
  `seeded ${databaseName(mysqlUrl)}: ${dataset.users.length} users (${extraUsers} extra, seed ${seed}), ` +
    `${dataset.conflines.length} conflines, ${dataset.managerGroups.length} manager groups, ` +
    `${dataset.managerRights.length} rights, ${dataset.managerGroupRights.length} group rights ` +
    `in ${((written - started) / 1000).toFixed(2)} s ` +
    `(generate ${((generated - started) / 1000).toFixed(2)} s, write ${((written - generated) / 1000).toFixed(2)} s)`,
);
