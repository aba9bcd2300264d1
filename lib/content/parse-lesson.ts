// Parses one lesson file: frontmatter (validated), headings with their explicit ids, and the
// components it uses. Collects every problem instead of stopping at the first one.
import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode } from "yaml";
import { LESSON_COMPONENTS, LessonFrontmatterSchema, type LessonFrontmatter } from "./lesson-schema";
import type { Locale } from "../i18n/locales";

export type ContentProblem = { file: string; line: number; id: string; field: string; message: string };

export type LessonHeading = { depth: 2 | 3; id: string; text: string; line: number };

export type ParsedLesson = {
  file: string;
  slug: string;
  locale: Locale;
  frontmatter: LessonFrontmatter;
  /** The MDX body after the frontmatter, and the file line it starts on (1-based). */
  body: string;
  bodyStartLine: number;
  headings: LessonHeading[];
  components: { name: string; line: number; props: string }[];
};

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*$/;
const HEADING_ID = /^(.*?)[ \t]+\\?\{#([^}\s]*)\\?\}$/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const COMPONENT = /<([A-Z][A-Za-z0-9]*)\b([^>]*)/g;

/** Yields [line number, text, inside a fenced code block] for each body line. */
function* lines(body: string, startLine: number): Generator<[number, string, boolean]> {
  let fence: string | null = null;
  const all = body.split("\n");
  for (let i = 0; i < all.length; i++) {
    const text = all[i] ?? "";
    const m = FENCE.exec(text);
    if (m?.[1]) {
      const marker = m[1];
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) {
        yield [startLine + i, text, true];
        fence = null;
        continue;
      }
    }
    yield [startLine + i, text, fence !== null];
  }
}

export function extractHeadings(body: string, startLine: number, report: (line: number, field: string, message: string) => void): LessonHeading[] {
  const headings: LessonHeading[] = [];
  const seen = new Set<string>();
  for (const [line, text, inCode] of lines(body, startLine)) {
    if (inCode) continue;
    const m = HEADING.exec(text);
    if (!m?.[1] || m[2] === undefined) continue;
    const depth = m[1].length;
    if (depth === 1) {
      report(line, "headings", "a lesson has no # heading: its title is the page heading; use ## for sections");
      continue;
    }
    if (depth > 3) continue;
    const idMatch = HEADING_ID.exec(m[2]);
    if (!idMatch?.[2]) {
      report(line, "headings", `heading "${m[2]}" needs an explicit id: end it with {#some-id}`);
      continue;
    }
    const id = idMatch[2];
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) report(line, "headings", `heading id "${id}" must be kebab-case ASCII`);
    else if (seen.has(id)) report(line, "headings", `heading id "${id}" is used twice in this lesson`);
    seen.add(id);
    headings.push({ depth: depth as 2 | 3, id, text: (idMatch[1] ?? "").trim(), line });
  }
  return headings;
}

function extractComponents(body: string, startLine: number, report: (line: number, field: string, message: string) => void) {
  const found: ParsedLesson["components"] = [];
  const allowed = new Set<string>(LESSON_COMPONENTS);
  for (const [line, text, inCode] of lines(body, startLine)) {
    if (inCode) continue;
    for (const m of text.matchAll(COMPONENT)) {
      const name = m[1] ?? "";
      if (!allowed.has(name)) report(line, "components", `<${name}> is not a lesson component (allowed: ${LESSON_COMPONENTS.join(", ")})`);
      found.push({ name, line, props: m[2] ?? "" });
    }
  }
  return found;
}

function yamlLine(node: YamlNode | null | undefined, counter: LineCounter): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : counter.linePos(offset).line;
}

/**
 * Parses a lesson. Returns the lesson (null when the frontmatter is unusable) and the problems
 * found, each naming the file, line, lesson id and field.
 */
export function parseLesson(file: string, slug: string, locale: Locale, source: string): { lesson: ParsedLesson | null; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  let id = slug;
  const report = (line: number, field: string, message: string) => problems.push({ file, line, id, field, message });

  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!fm) {
    report(1, "frontmatter", "the file must start with a --- fenced YAML frontmatter block");
    return { lesson: null, problems };
  }
  const yamlText = fm[1] ?? "";
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  for (const e of doc.errors) report(1 + (e.linePos?.[0]?.line ?? 1), "frontmatter", `YAML: ${e.message.split("\n")[0]}`);
  const data: unknown = doc.errors.length ? {} : doc.toJS();
  if (data && typeof data === "object" && "id" in data && typeof data.id === "string") id = data.id;

  const parsed = LessonFrontmatterSchema.safeParse(data);
  const contents = doc.contents;
  const lineOf = (key: string): number => {
    if (!isMap(contents)) return 1;
    const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
    return 1 + yamlLine((pair?.value ?? pair?.key) as YamlNode | undefined, counter);
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length ? issue.path.join(".") : (issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "frontmatter");
      report(lineOf(String(issue.path[0] ?? "")), field, issue.message);
    }
  } else if (parsed.data.id !== slug) {
    report(lineOf("id"), "id", `must equal the file name "${slug}"`);
  }

  const bodyStartLine = yamlText.split("\n").length + 3;
  const body = text.slice(fm[0].length);
  const headings = extractHeadings(body, bodyStartLine, report);
  const components = extractComponents(body, bodyStartLine, report);
  if (!components.some((c) => c.name === "KnowledgeCheck")) report(bodyStartLine, "components", "every lesson needs at least one <KnowledgeCheck>");

  if (!parsed.success) return { lesson: null, problems };
  return { lesson: { file, slug, locale, frontmatter: parsed.data, body, bodyStartLine, headings, components }, problems };
}
