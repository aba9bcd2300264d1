// Starting a mock exam: one at a time per learner; the questions, their option order and the
// deadline are fixed at the start, so a reload or another tab sees the very same exam.
import { EXAM_FORMATS, ExamOptionsSchema, type ExamOptions } from "../blueprint";
import type { ReviewDeps } from "../review-deps";
import { cryptoRandomInt, shuffle } from "../shuffle";
import { drawExamQuestions } from "./draw";
import { examError } from "./exam-input";
import { runningExam, type ExamRow } from "./exam-store";

/** Field codes become messages through error.<code>; each message states the allowed range. */
function parseOptions(input: unknown): ExamOptions {
  const parsed = ExamOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "kind");
    fields[field] ??= field in OPTION_CODES ? OPTION_CODES[field as keyof typeof OPTION_CODES] : "exam.inputMalformed";
  }
  throw examError("InvalidInput", "exam.inputMalformed", `Invalid exam options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, { fields });
}

const OPTION_CODES = { questionCount: "exam.questionCountRange", durationMinutes: "exam.durationRange", passPercent: "exam.passPercentRange" } as const;

export async function startExam(deps: ReviewDeps, userId: string, input: unknown): Promise<ExamRow> {
  const options = parseOptions(input);
  const running = await runningExam(deps, userId);
  if (running) throw examError("Conflict", "exam.alreadyRunning", "Finish or submit your running exam first.", { examId: running.id });
  const format = EXAM_FORMATS[options.kind];
  const random = deps.randomInt ?? cryptoRandomInt;
  const questionIds = drawExamQuestions(deps.questions, options.questionCount ?? format.questionCount, random);
  if (questionIds.length === 0) throw examError("Conflict", "exam.noQuestions", "The question bank is empty.");
  const now = deps.clock.now();
  // A custom count without a custom time keeps the format's time per question.
  const minutesPerQuestion = format.durationMinutes / format.questionCount;
  const durationSec = (options.durationMinutes ?? Math.max(5, Math.round(questionIds.length * minutesPerQuestion))) * 60;
  const examId = deps.ids.id();
  const items = questionIds.map((questionId, i) => {
    const question = deps.questions.byId.get(questionId)!;
    const order = shuffle(
      question.options.map((o) => o.key),
      random,
    );
    return { id: deps.ids.id(), examId, position: i + 1, questionId, optionOrder: order.join(",") };
  });
  const [exam] = await deps.db.$transaction([
    deps.db.mockExam.create({
      data: {
        id: examId,
        userId,
        kind: options.kind,
        questionCount: questionIds.length,
        durationSec,
        passPercent: options.passPercent ?? format.passPercent,
        startedAt: now,
        deadline: new Date(now.getTime() + durationSec * 1000),
      },
    }),
    deps.db.mockExamItem.createMany({ data: items }),
  ]);
  return exam;
}
