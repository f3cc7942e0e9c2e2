export { renderErrorDocument } from './error-document';
export { sanitizeXmlText } from './sanitize';
export { renderUserDocument } from './user-document';
