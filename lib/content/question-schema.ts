// The question-bank contract (content/questions/*.yaml). Messages are written for authors.
// Both languages live in one item, so a question can never exist in one language only.
import { z } from "zod";
import { ExamTopicSchema, KEBAB_ID } from "./lesson-schema";

export const QUESTION_TYPES = ["single", "multiple", "ordering", "scenario"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const text = (min: number, max: number) => z.string().trim().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);

const OptionTextSchema = z.strictObject({
  text: text(1, 400),
  /** Why this option is right or wrong: shown after answering. */
  why: text(5, 800),
});

const OptionSchema = z.strictObject({
  key: z.string().regex(/^[a-h]$/, "must be one letter a-h"),
  ja: OptionTextSchema,
  en: OptionTextSchema,
});

const QuestionTextSchema = z.strictObject({
  /** The short case a scenario question is built on; only for type: scenario. */
  case: text(20, 1500).optional(),
  stem: text(10, 800),
  explanation: text(20, 2000),
});

export const QuestionSchema = z
  .strictObject({
    id: z.string().regex(KEBAB_ID, "must be kebab-case ASCII (a-z, 0-9, -)").max(80),
    type: z.enum(QUESTION_TYPES),
    topic: ExamTopicSchema,
    difficulty: z.number().int().min(1, "must be 1 (recall), 2 (apply) or 3 (analyse)").max(3, "must be 1 (recall), 2 (apply) or 3 (analyse)"),
    /** The lesson heading that teaches it: "<slug>#<heading-id>", checked to exist. */
    lesson: z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, "must be <lesson-slug>#<heading-id>"),
    /** true for the question-and-answer pairs of the service notes' exam section (§8.9). */
    fromNotes: z.boolean().optional(),
    ja: QuestionTextSchema,
    en: QuestionTextSchema,
    options: z.array(OptionSchema).min(2, "needs at least 2 options").max(8, "at most 8 options"),
    /** The correct option keys; for ordering, all keys in the correct order. */
    answer: z.array(z.string()).min(1, "must name at least one option"),
  })
  .superRefine((q, ctx) => {
    const keys = q.options.map((o) => o.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["options"], message: "option keys must be unique" });
    const unknown = q.answer.filter((a) => !keys.includes(a));
    if (unknown.length) ctx.addIssue({ code: "custom", path: ["answer"], message: `names unknown option(s): ${unknown.join(", ")}` });
    if (new Set(q.answer).size !== q.answer.length) ctx.addIssue({ code: "custom", path: ["answer"], message: "lists an option twice" });
    const isScenario = q.type === "scenario";
    for (const locale of ["ja", "en"] as const) {
      if (isScenario && !q[locale].case) ctx.addIssue({ code: "custom", path: [locale, "case"], message: "a scenario question needs a case" });
      if (!isScenario && q[locale].case) ctx.addIssue({ code: "custom", path: [locale, "case"], message: "only scenario questions have a case" });
    }
    if ((q.type === "single") && q.answer.length !== 1) ctx.addIssue({ code: "custom", path: ["answer"], message: "a single-answer question has exactly one answer" });
    if (q.type === "multiple") {
      if (q.answer.length < 2 || q.answer.length >= q.options.length) ctx.addIssue({ code: "custom", path: ["answer"], message: "a multiple-response question has 2 or more answers and at least one wrong option" });
    }
    if (q.type === "ordering") {
      if (q.answer.length !== keys.length) ctx.addIssue({ code: "custom", path: ["answer"], message: "an ordering question lists every option key in the correct order" });
      if (q.options.length < 3) ctx.addIssue({ code: "custom", path: ["options"], message: "an ordering question needs at least 3 steps" });
    }
    if (q.answer.length > 1 && q.type !== "ordering") {
      const n = q.answer.length;
      if (n === 2 || n === 3) {
        for (const locale of ["ja", "en"] as const) {
          const wording = CHOOSE_WORDING[locale][n];
          if (!q[locale].stem.includes(wording)) ctx.addIssue({ code: "custom", path: [locale, "stem"], message: `has ${n} answers, so the stem must say "${wording}"` });
        }
      } else ctx.addIssue({ code: "custom", path: ["answer"], message: "a multiple-response question has 2 or 3 answers, as on the exam" });
    }
    if (q.type === "scenario" && q.answer.length >= q.options.length) ctx.addIssue({ code: "custom", path: ["answer"], message: "at least one option must be wrong" });
  });
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionFileSchema = z.strictObject({
  questions: z.array(z.unknown()).min(1, "must hold at least one question"),
});

/** How many answers a multiple-response stem asks for, in each language's exam wording. */
export const CHOOSE_WORDING = {
  en: { 2: "Choose TWO.", 3: "Choose THREE." },
  ja: { 2: "2 つ選択してください。", 3: "3 つ選択してください。" },
} as const;
