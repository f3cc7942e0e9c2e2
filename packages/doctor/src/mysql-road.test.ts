import { REQUIRED_POOL_OPTIONS } from '@m4/node';
import { describe, expect, it } from 'vitest';
import { SERVICE_MYSQL_OPTIONS } from './mysql-road';

describe('SERVICE_MYSQL_OPTIONS', () => {
  it('are the options the Node app connects with', () => {
    expect(SERVICE_MYSQL_OPTIONS).toEqual(REQUIRED_POOL_OPTIONS);
  });
});
