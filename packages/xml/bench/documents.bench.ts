import { bench, describe } from 'vitest';
import { renderErrorDocumentDom } from '../src/error-document-xmlbuilder';
import { renderErrorDocument, renderUserDocument } from '../src/index';
import { renderUserDocumentDom } from '../src/user-document-xmlbuilder';
import { hostileUser, realisticUser } from '../test/fixtures/users';

describe('user document, 151 fields, realistic row', () => {
  bench('xmlbuilder2 DOM', () => {
    renderUserDocumentDom(realisticUser);
  });
  bench('shipped: precomputed tags', () => {
    renderUserDocument(realisticUser);
  });
});

describe('user document, 151 fields, hostile row (escaping, sanitising)', () => {
  bench('xmlbuilder2 DOM', () => {
    renderUserDocumentDom(hostileUser);
  });
  bench('shipped: precomputed tags', () => {
    renderUserDocument(hostileUser);
  });
});

describe('error document, method envelope', () => {
  bench('xmlbuilder2 DOM', () => {
    renderErrorDocumentDom('method', 'User was not found');
  });
  bench('shipped: precomputed by the generator', () => {
    renderErrorDocument('method', 'User was not found');
  });
});
