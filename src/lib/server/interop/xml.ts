/** An element: its name, attributes (undefined ones left out) and children (text or elements). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string | number | undefined>;
  children: XmlChild[];
}
export type XmlChild = XmlElement | string;

export function el(
  name: string,
  attributes: XmlElement['attributes'] = {},
  ...children: (XmlChild | XmlChild[] | null | undefined | false)[]
): XmlElement {
  return {
    name,
    attributes,
    children: children
      .flat()
      .filter((c): c is XmlChild => c !== null && c !== undefined && c !== false)
  };
}

// Characters XML 1.0 cannot carry at all, even escaped: most control characters, lone surrogates,
// U+FFFE and U+FFFF. A record pasted from old museum software may hold them; they are dropped.
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(notXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The document with its declaration, indented by two spaces; text-only elements on one line. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;
}

function render(node: XmlElement, indent: string): string {
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  const open = `${indent}<${node.name}${attributes}`;
  if (node.children.length === 0) return `${open}/>`;
  if (node.children.every((c) => typeof c === 'string'))
    return `${open}>${node.children.map((c) => escapeXml(c as string)).join('')}</${node.name}>`;
  const inner = node.children
    .map((c) => (typeof c === 'string' ? indent + '  ' + escapeXml(c) : render(c, indent + '  ')))
    .join('\n');
  return `${open}>\n${inner}\n${indent}</${node.name}>`;
}
