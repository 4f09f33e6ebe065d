// A rehype plugin: HTML typed into markdown is shown as the literal text the member wrote
// ("use <b> sparingly"), never parsed. The sanitiser would otherwise drop it silently.

interface HastNode {
  type: string;
  value?: string;
  children?: HastNode[];
}

function convert(node: HastNode): void {
  if (node.type === "raw") {
    node.type = "text";
    return;
  }
  node.children?.forEach(convert);
}

export function rehypeRawHtmlAsText() {
  return (tree: HastNode) => {
    convert(tree);
  };
}
