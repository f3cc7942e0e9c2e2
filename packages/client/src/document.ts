import type { Envelope } from '@m4/core';
import { RETURNED_USER_COLUMNS, type ReturnedUserColumn } from '@m4/schema';
import { SaxesParser } from 'saxes';

/**
 * A user as the document carries it: every returned column as raw text. XML cannot tell NULL
 * from the empty string, so both are `''`.
 */
export type M4User = { [K in ReturnedUserColumn]: string };

export type M4Document =
  | { kind: 'user'; user: M4User }
  | { kind: 'error'; envelope: Envelope; message: string }
  | { kind: 'invalid'; reason: string };

interface Element {
  name: string;
  text: string;
  children: Element[];
}

/**
 * Reads one of the method's documents with saxes (a strict parser): the user document, with
 * exactly the returned columns in their order, or a filter or method error. Anything else is
 * `invalid`, with the reason.
 */
export function parseM4Document(xml: string): M4Document {
  const tree = parseTree(xml);
  if ('reason' in tree) return { kind: 'invalid', reason: tree.reason };
  const root = tree.root;
  if (root.name === 'status') {
    const message = errorText(root);
    return message === undefined
      ? invalid('<status> must hold exactly one <error>')
      : { kind: 'error', envelope: 'filter', message };
  }
  if (root.name !== 'page') return invalid(`unexpected root <${root.name}>`);
  const status = onlyChild(root);
  if (status?.name !== 'status') return invalid('<page> must hold exactly one <status>');
  const inner = onlyChild(status);
  if (inner?.name === 'error') {
    const message = errorText(status);
    return message === undefined
      ? invalid('<error> must hold text only')
      : { kind: 'error', envelope: 'method', message };
  }
  if (inner?.name !== 'user') return invalid('<status> must hold exactly one <user> or <error>');
  return readUser(inner);
}

function invalid(reason: string): M4Document {
  return { kind: 'invalid', reason };
}

function readUser(element: Element): M4Document {
  const user: Partial<Record<ReturnedUserColumn, string>> = {};
  for (let i = 0; i < Math.max(element.children.length, RETURNED_USER_COLUMNS.length); i++) {
    const column = RETURNED_USER_COLUMNS[i];
    const child = element.children[i];
    if (child === undefined) return invalid(`<user> lacks <${column}>`);
    if (column === undefined) return invalid(`unknown element <${child.name}> in <user>`);
    if (child.name !== column) {
      const known = (RETURNED_USER_COLUMNS as readonly string[]).includes(child.name);
      return invalid(
        known
          ? `<${child.name}> out of order in <user> (expected <${column}>)`
          : `unknown element <${child.name}> in <user>`,
      );
    }
    if (child.children.length > 0) return invalid(`<${column}> must hold text only`);
    user[column] = child.text;
  }
  return { kind: 'user', user: user as M4User };
}

function onlyChild(element: Element): Element | undefined {
  return element.children.length === 1 ? element.children[0] : undefined;
}

function errorText(status: Element): string | undefined {
  const error = onlyChild(status);
  return error?.name === 'error' && error.children.length === 0 ? error.text : undefined;
}

function parseTree(xml: string): { root: Element } | { reason: string } {
  const parser = new SaxesParser({ xmlns: false });
  const top: Element[] = [];
  const stack: Element[] = [];
  let failure: string | undefined;
  const fail = (reason: string) => {
    failure ??= reason;
  };
  parser.on('error', (error) => fail(`malformed XML: ${error.message}`));
  parser.on('doctype', () => fail('a DOCTYPE is not allowed'));
  parser.on('opentag', (tag) => {
    const element: Element = { name: tag.name, text: '', children: [] };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else top.push(element);
    stack.push(element);
  });
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element && element.children.length > 0 && element.text.trim() !== '') {
      fail(`<${element.name}> mixes text and elements`);
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    fail(`malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (failure !== undefined) return { reason: failure };
  const [root] = top;
  if (root === undefined || top.length !== 1) return { reason: 'no single root element' };
  return { root };
}
