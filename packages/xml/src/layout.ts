export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
/** Rails Builder ends its documents with one newline; xmlbuilder2 does not, so we add it. */
export const FINAL_NEWLINE = '\n';
