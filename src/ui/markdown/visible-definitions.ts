/**
 * A remark plugin that shows link reference definitions (`[ref]: https://…`, and the `[//]: # (…)` comment trick)
 * as plain text. Markdown renders them as nothing, so a peer could otherwise hide text from the human that the
 * other peers still read. References to them then stay plain text too.
 */
interface MdastNode {
  type: string;
  children?: MdastNode[];
  label?: string | null;
  identifier?: string;
  url?: string;
  title?: string | null;
  value?: string;
}

function asText(node: MdastNode): MdastNode {
  const title = node.title ? ` "${node.title}"` : '';
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: `[${node.label ?? node.identifier ?? ''}]: ${node.url ?? ''}${title}` }],
  };
}

function reveal(node: MdastNode): void {
  if (!node.children) return;
  node.children = node.children.map((child) => (child.type === 'definition' ? asText(child) : child));
  for (const child of node.children) reveal(child);
}

export function remarkVisibleDefinitions() {
  return (tree: MdastNode) => reveal(tree);
}
