import { describe, expect, it } from 'vitest';
import { writeGrants } from './grants';

const TABLES = ['users', 'conflines'];

describe('writeGrants', () => {
  it('finds global, database and table grants that can change the database', () => {
    expect(
      writeGrants(
        [
          "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` IDENTIFIED BY PASSWORD '*ABC' WITH GRANT OPTION",
          'GRANT PROXY ON ``@`%` TO `root`@`localhost` WITH GRANT OPTION',
          'GRANT SELECT, INSERT, UPDATE (`balance`) ON `m4`.* TO `svc`@`%`',
          'GRANT DELETE ON `m4`.`users` TO `svc`@`%`',
          'GRANT DELETE ON `m4`.`calls` TO `svc`@`%`',
          'GRANT INSERT ON `other`.* TO `svc`@`%`',
          'GRANT UPDATE ON `m\\_%`.* TO `svc`@`%`',
        ],
        'm4',
        TABLES,
      ),
    ).toEqual([
      { privileges: ['ALL PRIVILEGES'], on: '*.*' },
      { privileges: ['INSERT', 'UPDATE'], on: 'm4.*' },
      { privileges: ['DELETE'], on: 'm4.users' },
    ]);
  });

  it('ignores read-only grants, routines and roles, and never returns the lines', () => {
    const lines = [
      "GRANT USAGE ON *.* TO `ro`@`%` IDENTIFIED BY PASSWORD '*SECRETHASH'",
      'GRANT SELECT ON `m4`.* TO `ro`@`%`',
      'GRANT EXECUTE ON PROCEDURE `m4`.`p` TO `ro`@`%`',
      'GRANT `reader` TO `ro`@`%`',
    ];
    expect(writeGrants(lines, 'm4', TABLES)).toEqual([]);
    expect(JSON.stringify(writeGrants(['GRANT INSERT ON m4.* TO x'], 'm4', TABLES))).not.toMatch(
      /GRANT|TO x/,
    );
  });

  it('honours the wildcards and escapes of database patterns', () => {
    expect(writeGrants(['GRANT INSERT ON `m4\\_%`.* TO x'], 'm4_prod', TABLES)).toHaveLength(1);
    expect(writeGrants(['GRANT INSERT ON `m4\\_%`.* TO x'], 'm4xprod', TABLES)).toHaveLength(0);
    expect(writeGrants(['GRANT INSERT ON `m4_`.* TO x'], 'm4x', TABLES)).toHaveLength(1);
  });
});
