// An independent strict reader (saxes, not xmlbuilder2) that turns a document into a tree.
import { SaxesParser, type XMLDecl } from 'saxes';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Character data directly inside this element, entities resolved. */
  text: string;
  selfClosing: boolean;
}

export interface XmlDocument {
  readonly declaration: XMLDecl;
  readonly root: XmlElement;
  /** Anything that is not an element: comments, PIs, CDATA, doctype. Expected empty. */
  readonly other: string[];
}

/** Parses `xml` strictly; throws on the first well-formedness error. */
export function readXml(xml: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  const other: string[] = [];
  let root: XmlElement | undefined;
  let declaration: XMLDecl | undefined;
  let failure: Error | undefined;

  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('xmldecl', (decl) => {
    declaration = decl;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: { ...tag.attributes },
      children: [],
      text: '',
      selfClosing: tag.isSelfClosing,
    };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
    else if (text.trim() !== '') other.push(`text outside the root: ${text}`);
  });
  parser.on('cdata', (data) => other.push(`cdata: ${data}`));
  parser.on('comment', (data) => other.push(`comment: ${data}`));
  parser.on('processinginstruction', (pi) => other.push(`pi: ${pi.target}`));
  parser.on('doctype', (doctype) => other.push(`doctype: ${doctype}`));

  parser.write(xml).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  if (!declaration) throw new Error('no XML declaration');
  return { declaration, root, other };
}

/** The child elements of `element` as `[name, text]` pairs, in document order. */
export function childTexts(element: XmlElement): Array<[string, string]> {
  return element.children.map((child) => [child.name, child.text]);
}

/** Follows a path of element names from the root, each step the only child of that name. */
export function elementAt(doc: XmlDocument, ...path: string[]): XmlElement {
  const [first, ...rest] = path;
  if (doc.root.name !== first) throw new Error(`root is <${doc.root.name}>, not <${first}>`);
  let current = doc.root;
  for (const name of rest) {
    const matches = current.children.filter((child) => child.name === name);
    const [only] = matches;
    if (!only || matches.length !== 1)
      throw new Error(`<${current.name}> has ${matches.length} <${name}>`);
    current = only;
  }
  return current;
}
