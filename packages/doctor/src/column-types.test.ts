import { describe, expect, it } from 'vitest';
import { compareColumnType, familyOf, normalizeType } from './column-types';

describe('normalizeType', () => {
  it('drops integer display widths and case, keeps everything else', () => {
    expect(normalizeType('INT(11)')).toBe('int');
    expect(normalizeType('tinyint(4) unsigned')).toBe('tinyint unsigned');
    expect(normalizeType('decimal(30,15)')).toBe('decimal(30,15)');
    expect(normalizeType("enum('a','b')")).toBe("enum('a','b')");
  });
});

describe('familyOf', () => {
  it('names the family of information_schema and Drizzle types', () => {
    expect(familyOf('int(1)')).toBe('integer');
    expect(familyOf('bigint(20) unsigned')).toBe('bigint');
    expect(familyOf('timestamp')).toBe('datetime');
    expect(familyOf('longtext')).toBe('text');
    expect(familyOf('varbinary(10)')).toBe('binary');
    expect(familyOf('geometry')).toBe('other');
  });
});

describe('compareColumnType', () => {
  it('treats MariaDB and MySQL 8 spellings of the same type as the same', () => {
    expect(compareColumnType('int', 'int(11)')).toEqual({ kind: 'same' });
    expect(compareColumnType('int(1)', 'int')).toEqual({ kind: 'same' });
    expect(compareColumnType('tinyint', 'tinyint(4)')).toEqual({ kind: 'same' });
    expect(compareColumnType('bigint', 'bigint(20)')).toEqual({ kind: 'same' });
  });

  it('lets widths, scales, lengths, labels and sign pass: the text is the database’s own', () => {
    for (const [want, have] of [
      ['decimal(10,4)', 'decimal(30,15)'],
      ['varchar(30)', 'varchar(50)'],
      ['int', 'smallint(6) unsigned'],
      ["enum('a','b')", "enum('a','b','c')"],
      ['bigint', 'int(11)'],
      ['datetime', 'timestamp'],
    ] as const) {
      expect(compareColumnType(want, have).kind, `${want} / ${have}`).toBe('detail');
    }
    expect(compareColumnType('varchar(30)', 'int(11)').kind).toBe('family');
  });

  it('fails what the service would render differently', () => {
    for (const [want, have] of [
      ['int', 'bigint(20)'],
      ['tinyint', 'decimal(30,15)'],
      ['int', 'datetime'],
      ['int', 'varchar(10)'],
      ['decimal(30,15)', 'double'],
      ['varchar(255)', 'json'],
      ['varchar(30)', 'varbinary(30)'],
    ] as const) {
      expect(compareColumnType(want, have).kind, `${want} / ${have}`).toBe('changes-text');
    }
    expect(compareColumnType('int', 'bigint').kind === 'changes-text').toBe(true);
  });
});
