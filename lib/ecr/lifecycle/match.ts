// Which images a rule's tag selection picks (ecr-spec §1.3). Compiled once per rule, then called
// for every image. No RegExp: `*` is the only metacharacter, everything else is literal.
import type { LifecycleSelection } from "./policy-schema";

export type TagSelection = Pick<LifecycleSelection, "tagStatus" | "tagPrefixList" | "tagPatternList">;
export type TagSelector = (tags: readonly string[]) => boolean;
type TagTest = (tag: string) => boolean;

const anyImage: TagSelector = () => true;
const untaggedImage: TagSelector = (tags) => tags.length === 0;

export function compileTagSelector(selection: TagSelection): TagSelector {
  if (selection.tagStatus === "any") return anyImage;
  if (selection.tagStatus === "untagged") return untaggedImage;
  const tests: TagTest[] = selection.tagPrefixList
    ? selection.tagPrefixList.map((prefix) => (tag: string) => tag.startsWith(prefix))
    : (selection.tagPatternList ?? []).map(compileTagPattern);
  // AND across list entries; each entry may be met by any of the image's tags (not OR, as some emulators do).
  return (tags) => {
    if (tags.length === 0) return false;
    for (let t = 0; t < tests.length; t++) {
      if (!someTag(tags, tests[t]!)) return false;
    }
    return true;
  };
}

/** tags.some(test), as a plain loop: this runs for every image under every tagged rule. */
function someTag(tags: readonly string[], test: TagTest): boolean {
  for (let k = 0; k < tags.length; k++) if (test(tags[k]!)) return true;
  return false;
}

/** One-off convenience; evaluation compiles once per rule instead. */
export function tagSelects(selection: TagSelection, tags: readonly string[]): boolean {
  return compileTagSelector(selection)(tags);
}

/**
 * `*` matches any run of characters, including none. [A] The pattern must cover the whole tag (no
 * `*` means an identical tag), matching is case-sensitive, and `*` is the only metacharacter.
 */
export function compileTagPattern(pattern: string): TagTest {
  const parts = pattern.split("*");
  if (parts.length === 1) return (tag) => tag === pattern;
  const head = parts[0] ?? "";
  const tail = parts[parts.length - 1] ?? "";
  const middle = parts.slice(1, -1).filter((part) => part.length > 0);
  const minLength = head.length + tail.length + middle.reduce((sum, part) => sum + part.length, 0);
  return (tag) => {
    if (tag.length < minLength || !tag.startsWith(head) || !tag.endsWith(tail)) return false;
    // Leftmost placement of each middle part is optimal for `*`-only globs, so no backtracking.
    const end = tag.length - tail.length;
    let at = head.length;
    for (const part of middle) {
      const found = tag.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}
