import { DEFAULT_MYSQL_URL, databaseName, pushSchema } from '../src/dev/index';

const mysqlUrl = process.env.MYSQL_URL ?? DEFAULT_MYSQL_URL;
await pushSchema(mysqlUrl);
console.log(`schema applied to database ${databaseName(mysqlUrl)}`);
