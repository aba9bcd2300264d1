// Answering a showing: validate, grade, rate, schedule, log. The showing is claimed with a
// conditional update (answeredAt IS NULL) inside the same transaction as the card update and the
// log insert, so a second tab or a retried request applies nothing and gets the first result.
import type { LoadedQuestion } from "../content/load-questions";
import { checkChoice, parseAnswerInput, reviewError } from "./answer-input";
import { gradeAnswer } from "./grade";
import { rateAnswer } from "./rating";
import type { ReviewDeps } from "./review-deps";
import { recordReview } from "./record-review";
import { ConfidenceSchema, ratingName, ReviewModeSchema, type Confidence, type RatingName } from "./review-types";
import { getReviewSettings } from "./settings";
import { optionOrderOf } from "./showings";

export type AnswerOutcome = {
  showingId: string;
  question: LoadedQuestion;
  optionOrder: string[];
  chosen: string[];
  correct: boolean;
  partial: boolean;
  rating: RatingName;
  confidence: Confidence;
  nextDue: Date;
  reviewedAt: Date;
  /** True when this showing had been answered before (another tab, a retry): nothing was applied. */
  alreadyAnswered: boolean;
};

type LogRow = { showingId: string; chosen: string; correct: boolean; rating: number; confidence: string; dueAfter: Date; reviewedAt: Date };

function outcomeOf(log: LogRow, question: LoadedQuestion, optionOrder: string[], alreadyAnswered: boolean): AnswerOutcome {
  const chosen = log.chosen.split(",").filter(Boolean);
  return {
    showingId: log.showingId,
    question,
    optionOrder,
    chosen,
    correct: log.correct,
    partial: gradeAnswer(question, chosen).partial,
    rating: ratingName(log.rating),
    confidence: ConfidenceSchema.parse(log.confidence),
    nextDue: log.dueAfter,
    reviewedAt: log.reviewedAt,
    alreadyAnswered,
  };
}

export async function answerShowing(deps: ReviewDeps, userId: string, input: unknown): Promise<AnswerOutcome> {
  const answer = parseAnswerInput(input);
  const showing = await deps.db.reviewShowing.findUnique({ where: { id: answer.showingId } });
  // Someone else's showing is reported exactly like a missing one.
  if (!showing || showing.userId !== userId) throw reviewError("NotFound", "review.showingUnknown", "No such question was shown to you.");
  const question = deps.questions.byId.get(showing.questionId);
  if (!question || answer.questionId !== showing.questionId) throw reviewError("NotFound", "review.questionUnknown", "This answer is for a question that was not shown.");
  checkChoice(question, answer.chosen);
  const optionOrder = optionOrderOf(showing, question);

  const earlier = async () => {
    const log = await deps.db.reviewLog.findUniqueOrThrow({ where: { showingId: showing.id } });
    return outcomeOf(log, question, optionOrder, true);
  };
  if (showing.answeredAt) return earlier();

  const grade = gradeAnswer(question, answer.chosen);
  const rating = rateAnswer(grade.correct, answer.confidence);
  const { desiredRetention } = await getReviewSettings(deps, userId);
  const now = deps.clock.now();
  const log = await deps.db.$transaction(async (tx) => {
    // Write first: the claim takes SQLite's write lock before anything is read.
    const claim = await tx.reviewShowing.updateMany({ where: { id: showing.id, userId, answeredAt: null }, data: { answeredAt: now } });
    if (claim.count === 0) return null;
    return recordReview(tx, {
      id: deps.ids.id(),
      userId,
      questionId: question.id,
      showingId: showing.id,
      sessionId: showing.sessionId,
      mode: ReviewModeSchema.parse(showing.mode),
      chosen: answer.chosen,
      correct: grade.correct,
      rating,
      confidence: answer.confidence,
      durationMs: answer.durationMs,
      now,
      desiredRetention,
    });
  });
  return log ? outcomeOf(log, question, optionOrder, false) : earlier();
}
