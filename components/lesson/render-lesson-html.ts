// Renders a lesson to static HTML with its real components: what content:check and the content
// tests use to prove every lesson compiles and renders (unknown diagrams, bad props and MDX errors
// all throw here with the lesson named).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { compileLesson } from "@/lib/content/compile-lesson";
import type { ParsedLesson } from "@/lib/content/parse-lesson";
import { lessonComponents } from "./mdx-components";

export async function renderLessonHtml(lesson: ParsedLesson): Promise<string> {
  const Body = await compileLesson(lesson);
  return renderToStaticMarkup(createElement(Body, { components: lessonComponents(lesson.locale) }));
}
