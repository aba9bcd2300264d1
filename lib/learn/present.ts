// Questions and feedback in one language, ready for a page. A question is presented without its
// answer or explanations; those arrive only with the feedback, after the answer is stored.
import type { LoadedQuestion } from "../content/load-questions";
import type { QuestionType } from "../content/question-schema";
import type { ExamTopic } from "../content/lesson-schema";
import type { Locale } from "../i18n/locales";
import type { AnswerOutcome } from "./answer";
import { formatDateTimeIn, formatDueIn } from "./format-due";
import { choiceCount } from "./grade";
import type { RatingName } from "./review-types";

export type PresentedQuestion = {
  showingId: string;
  questionId: string;
  type: QuestionType;
  topic: ExamTopic;
  difficulty: number;
  /** How many options to pick (every option, in order, for ordering questions). */
  choose: number;
  caseText: string | null;
  stem: string;
  /** In the order of this showing. */
  options: { key: string; text: string }[];
};

export type OptionFeedback = {
  key: string;
  text: string;
  why: string;
  isAnswer: boolean;
  chosen: boolean;
  /** Ordering questions: the step's correct position and where the learner put it (1-based). */
  answerPosition: number | null;
  chosenPosition: number | null;
};

export type Feedback = {
  showingId: string;
  type: QuestionType;
  correct: boolean;
  partial: boolean;
  rating: RatingName;
  alreadyAnswered: boolean;
  /** Shown order; for ordering questions, the correct order. */
  options: OptionFeedback[];
  explanation: string;
  lessonHref: string;
  nextDue: string;
  nextDueText: string;
};

function byKey(question: LoadedQuestion, key: string) {
  const option = question.options.find((o) => o.key === key);
  if (!option) throw new Error(`Question ${question.id} has no option ${key}`);
  return option;
}

export function lessonHref(question: LoadedQuestion, locale: Locale): string {
  const [slug, heading] = question.lesson.split("#");
  return `/${locale}/lessons/${slug}#${heading}`;
}

export function presentQuestion(question: LoadedQuestion, showingId: string, optionOrder: readonly string[], locale: Locale): PresentedQuestion {
  return {
    showingId,
    questionId: question.id,
    type: question.type,
    topic: question.topic,
    difficulty: question.difficulty,
    choose: choiceCount(question),
    caseText: question[locale].case ?? null,
    stem: question[locale].stem,
    options: optionOrder.map((key) => ({ key, text: byKey(question, key)[locale].text })),
  };
}

/** Every option with its "why", in the shown order (ordering questions: the correct order). */
export function optionFeedback(question: LoadedQuestion, optionOrder: readonly string[], chosen: readonly string[], locale: Locale): OptionFeedback[] {
  const ordering = question.type === "ordering";
  const keys = ordering ? question.answer : optionOrder;
  const position = (list: readonly string[], key: string) => (list.includes(key) ? list.indexOf(key) + 1 : null);
  return keys.map((key) => {
    const option = byKey(question, key)[locale];
    return {
      key,
      text: option.text,
      why: option.why,
      isAnswer: question.answer.includes(key),
      chosen: chosen.includes(key),
      answerPosition: ordering ? position(question.answer, key) : null,
      chosenPosition: ordering ? position(chosen, key) : null,
    };
  });
}

export function presentFeedback(outcome: AnswerOutcome, locale: Locale, now: Date, timeZone: string): Feedback {
  const { question } = outcome;
  return {
    showingId: outcome.showingId,
    type: question.type,
    correct: outcome.correct,
    partial: outcome.partial,
    rating: outcome.rating,
    alreadyAnswered: outcome.alreadyAnswered,
    options: optionFeedback(question, outcome.optionOrder, outcome.chosen, locale),
    explanation: question[locale].explanation,
    lessonHref: lessonHref(question, locale),
    nextDue: outcome.nextDue.toISOString(),
    nextDueText: `${formatDueIn(outcome.nextDue, now, locale)} (${formatDateTimeIn(outcome.nextDue, locale, timeZone)})`,
  };
}
