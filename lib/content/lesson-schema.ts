// The lesson frontmatter contract. Messages are written for authors: they say how to fix the file.
import { z } from "zod";

/** The nine exam topics of the service notes (§8.1–§8.8 plus "what ECR provides"). */
export const EXAM_TOPICS = [
  "what-ecr-provides",
  "private-registry",
  "public-registry",
  "docker-support",
  "image-scanning",
  "access-control",
  "lifecycle-policies",
  "pricing",
  "related-services",
] as const;
export const ExamTopicSchema = z.enum(EXAM_TOPICS);
export type ExamTopic = z.infer<typeof ExamTopicSchema>;

export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const LessonFrontmatterSchema = z.strictObject({
  id: z.string().regex(KEBAB_ID, "must be kebab-case ASCII (a-z, 0-9, -)"),
  title: z.string().trim().min(2, "must not be empty").max(120, "must be at most 120 characters"),
  summary: z.string().trim().min(10, "must be a sentence or two").max(400, "must be at most 400 characters"),
  order: z.number().int("must be a whole number").positive("must be 1 or more"),
  examTopics: z.array(ExamTopicSchema).min(1, "must list at least one exam topic"),
  minutes: z.number().int("must be a whole number").min(1).max(120),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;

/** Components a lesson may use without importing them (see content/lessons/README.md). */
export const LESSON_COMPONENTS = ["ExamTip", "Note", "KnowledgeCheck", "Diagram"] as const;

export const KnowledgeCheckPropsSchema = z.strictObject({
  question: z.string().min(5),
  options: z.array(z.string().min(1)).min(2).max(6),
  answer: z.number().int().min(0),
  explanation: z.string().min(5),
}).refine((p) => p.answer < p.options.length, { message: "answer must be the index of one of the options", path: ["answer"] });
export type KnowledgeCheckProps = z.infer<typeof KnowledgeCheckPropsSchema>;
