// A remark plugin that takes the explicit id at the end of a heading ("## Title {#my-id}") and
// sets it as the heading's HTML id. MDX would read a bare {#id} as a JavaScript expression, so
// compileLesson escapes the braces first (as Docusaurus does); here they arrive as plain text.
import type { Heading, Root, Text } from "mdast";
import { visit } from "unist-util-visit";

const TRAILING_ID = /[ \t]*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}[ \t]*$/;

export function remarkHeadingIds() {
  return (tree: Root) => {
    visit(tree, "heading", (node: Heading) => {
      const last = node.children[node.children.length - 1];
      if (last?.type !== "text") return;
      const m = TRAILING_ID.exec((last as Text).value);
      if (!m) return;
      (last as Text).value = (last as Text).value.slice(0, m.index);
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: m[1] } };
    });
  };
}

/** Escapes `{#id}` at the end of heading lines (outside code fences) so MDX keeps it as text. */
export function escapeHeadingIds(body: string): string {
  let fence: string | null = null;
  return body
    .split("\n")
    .map((line) => {
      const f = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (f) {
        if (fence === null) fence = f;
        else if (f[0] === fence[0] && f.length >= fence.length) fence = null;
        return line;
      }
      if (fence !== null || !/^#{1,6}[ \t]/.test(line)) return line;
      return line.replace(/\{#([a-z0-9-]+)\}[ \t]*$/, "\\{#$1\\}");
    })
    .join("\n");
}
