/// <reference path="./raw.d.ts" />
import user6 from './golden/user-6.xml?raw';
import user13 from './golden/user-13.xml?raw';
import user14 from './golden/user-14.xml?raw';
import user15 from './golden/user-15.xml?raw';
import user16 from './golden/user-16.xml?raw';
import user17 from './golden/user-17.xml?raw';
import user18 from './golden/user-18.xml?raw';

/**
 * Byte-exact user documents of the demo data set, by user id: a realistic row (6), all NULLs
 * (13), zero dates (14), the most negative (15) and widest (16) values, non-ASCII (17), and
 * XML metacharacters, CR and C0 controls (18). Captured once from `pnpm dev`, reviewed by eye.
 */
export const GOLDEN_USER_DOCUMENTS: Readonly<Record<number, string>> = {
  6: user6,
  13: user13,
  14: user14,
  15: user15,
  16: user16,
  17: user17,
  18: user18,
};
