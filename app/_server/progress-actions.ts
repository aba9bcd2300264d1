"use server";
// Server actions for lesson progress.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDeps } from "@/lib/core/deps";
import { findLesson } from "@/lib/content/lessons";
import { recordLessonOpened, setLessonCompleted } from "@/lib/learn/progress";
import { LocaleSchema } from "@/lib/i18n/locales";
import { currentUser } from "./session";

const LessonRefSchema = z.object({ locale: LocaleSchema, slug: z.string().max(100) });

/** Records that the signed-in user opened a lesson (called once the page is on screen). */
export async function lessonOpenedAction(input: unknown): Promise<void> {
  const parsed = LessonRefSchema.safeParse(input);
  const user = await currentUser();
  if (!parsed.success || !user) return;
  const lesson = findLesson(parsed.data.locale, parsed.data.slug);
  if (lesson) await recordLessonOpened(getDeps(), user.id, lesson.frontmatter.id);
}

const CompletionSchema = LessonRefSchema.extend({ completed: z.enum(["true", "false"]) });

export async function setLessonCompletedAction(form: FormData): Promise<void> {
  const parsed = CompletionSchema.safeParse(Object.fromEntries(form));
  const user = await currentUser();
  if (!parsed.success || !user) return;
  const lesson = findLesson(parsed.data.locale, parsed.data.slug);
  if (!lesson) return;
  await setLessonCompleted(getDeps(), user.id, lesson.frontmatter.id, parsed.data.completed === "true");
  revalidatePath(`/${parsed.data.locale}`, "layout");
}
