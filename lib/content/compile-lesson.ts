// Compiles a lesson's MDX body into a React component. Compilation happens once per lesson and
// process (about 20 ms each) and is cached; a malformed lesson fails with the file and line.
import { evaluate } from "@mdx-js/mdx";
import type { MDXComponents } from "mdx/types";
import type { ComponentType } from "react";
import * as runtime from "react/jsx-runtime";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import type { ParsedLesson } from "./parse-lesson";
import { escapeHeadingIds, remarkHeadingIds } from "./remark-heading-ids";

export type LessonComponent = ComponentType<{ components?: MDXComponents }>;

const cache = new Map<string, Promise<LessonComponent>>();

export class LessonCompileError extends Error {
  override readonly name = "LessonCompileError";
}

async function compile(lesson: ParsedLesson): Promise<LessonComponent> {
  // Blank lines keep MDX's reported line numbers equal to the file's.
  const source = "\n".repeat(lesson.bodyStartLine - 1) + escapeHeadingIds(lesson.body);
  try {
    const mod = await evaluate(source, {
      ...runtime,
      development: false,
      remarkPlugins: [remarkGfm, remarkHeadingIds],
      rehypePlugins: [[rehypeHighlight, { detect: false, plainText: ["text", "txt"] }]],
    });
    return mod.default as LessonComponent;
  } catch (error) {
    const e = error as { message?: string; line?: number; place?: { line?: number; start?: { line?: number } } };
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? lesson.bodyStartLine;
    throw new LessonCompileError(`${lesson.file}:${line} [${lesson.frontmatter.id}] body: ${e.message ?? String(error)}`);
  }
}

/** The compiled lesson body; `cacheKey` changes when the source may have changed (development). */
export function compileLesson(lesson: ParsedLesson, cacheKey = ""): Promise<LessonComponent> {
  const key = `${lesson.locale}/${lesson.slug}/${cacheKey}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compile(lesson);
    compiled.catch(() => cache.delete(key));
    cache.set(key, compiled);
  }
  return compiled;
}
