// What the exam pages show, in one language: the running exam for the player, the graded exam
// for the result page, and the learner's past exams.
import type { ExamTopic } from "../../content/lesson-schema";
import type { QuestionType } from "../../content/question-schema";
import type { Locale } from "../../i18n/locales";
import { lessonHref, optionFeedback, presentQuestion, type OptionFeedback, type PresentedQuestion } from "../present";
import type { ReviewDeps } from "../review-deps";
import { optionOrderOf } from "../showings";
import { ExamKindSchema, type ExamKind } from "../blueprint";
import { chosenKeys, examItems, settledExam, type ExamRow } from "./exam-store";
import { neededToPass, scoreExam, type ExamScore } from "./score";

export type ExamMeta = { id: string; kind: ExamKind; questionCount: number; durationSec: number; passPercent: number; startedAt: string; deadline: string };

export type PlayerItem = { position: number; question: PresentedQuestion; chosen: string[]; flagged: boolean };

export type ExamPlayerView = { kind: "running"; exam: ExamMeta; items: PlayerItem[]; now: string } | { kind: "ended"; examId: string };

export type ReviewedItem = {
  position: number;
  questionId: string;
  topic: ExamTopic;
  type: QuestionType;
  caseText: string | null;
  stem: string;
  answered: boolean;
  correct: boolean;
  flagged: boolean;
  options: OptionFeedback[];
  explanation: string;
  lessonHref: string;
};

export type ExamResultView = { exam: ExamMeta & { submittedAt: string; endReason: "submitted" | "timeout" }; score: ExamScore; items: ReviewedItem[] };

function metaOf(exam: ExamRow): ExamMeta {
  return {
    id: exam.id,
    kind: ExamKindSchema.catch("short").parse(exam.kind),
    questionCount: exam.questionCount,
    durationSec: exam.durationSec,
    passPercent: exam.passPercent,
    startedAt: exam.startedAt.toISOString(),
    deadline: exam.deadline.toISOString(),
  };
}

export async function loadExamPlayer(deps: ReviewDeps, userId: string, examId: string, locale: Locale): Promise<ExamPlayerView> {
  const exam = await settledExam(deps, userId, examId);
  if (exam.submittedAt) return { kind: "ended", examId: exam.id };
  const items = (await examItems(deps, exam.id)).flatMap((item) => {
    const question = deps.questions.byId.get(item.questionId);
    if (!question) return [];
    const order = optionOrderOf(item, question);
    return [{ position: item.position, question: presentQuestion(question, item.id, order, locale), chosen: chosenKeys(item), flagged: item.flagged }];
  });
  return { kind: "running", exam: metaOf(exam), items, now: deps.clock.now().toISOString() };
}

/** The graded exam, or null while it is still running. */
export async function loadExamResult(deps: ReviewDeps, userId: string, examId: string, locale: Locale): Promise<ExamResultView | null> {
  const exam = await settledExam(deps, userId, examId);
  if (!exam.submittedAt) return null;
  const items = (await examItems(deps, exam.id)).flatMap((item): ReviewedItem[] => {
    const question = deps.questions.byId.get(item.questionId);
    if (!question) return [];
    const chosen = chosenKeys(item);
    const text = question[locale];
    return [
      {
        position: item.position,
        questionId: question.id,
        topic: question.topic,
        type: question.type,
        caseText: text.case ?? null,
        stem: text.stem,
        answered: chosen.length > 0,
        correct: item.correct === true,
        flagged: item.flagged,
        options: optionFeedback(question, optionOrderOf(item, question), chosen, locale),
        explanation: text.explanation,
        lessonHref: lessonHref(question, locale),
      },
    ];
  });
  return {
    exam: { ...metaOf(exam), submittedAt: exam.submittedAt.toISOString(), endReason: exam.endReason === "timeout" ? "timeout" : "submitted" },
    score: scoreExam(items, exam.passPercent),
    items,
  };
}

export type ExamHistoryEntry = { id: string; kind: ExamKind; startedAt: string; running: boolean; correct: number | null; total: number; percent: number | null; passed: boolean | null; passPercent: number };

/** The learner's most recent exams, newest first. */
export async function listExams(deps: ReviewDeps, userId: string, limit = 20): Promise<ExamHistoryEntry[]> {
  const rows = await deps.db.mockExam.findMany({ where: { userId }, orderBy: { startedAt: "desc" }, take: limit });
  return rows.map((exam) => {
    const done = exam.submittedAt !== null && exam.correctCount !== null;
    const percent = done ? Math.floor((exam.correctCount! * 100) / exam.questionCount) : null;
    return {
      id: exam.id,
      kind: ExamKindSchema.catch("short").parse(exam.kind),
      startedAt: exam.startedAt.toISOString(),
      running: exam.submittedAt === null,
      correct: exam.correctCount,
      total: exam.questionCount,
      percent,
      passed: done ? exam.correctCount! >= neededToPass(exam.questionCount, exam.passPercent) : null,
      passPercent: exam.passPercent,
    };
  });
}
