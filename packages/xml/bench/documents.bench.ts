import { bench, describe } from 'vitest';
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

describe('error document (xmlbuilder2 DOM, shipped)', () => {
  bench('filter', () => {
    renderErrorDocument('filter', 'API Requests are disabled');
  });
  bench('method', () => {
    renderErrorDocument('method', 'User was not found');
  });
});
