// Submitting a mock exam: grade every question, store the score, and feed each answered question
// to the scheduler as one review (a flag means the learner was unsure: right + flagged is Hard).
// The submission is claimed with a conditional update, so a second tab, a retry or the deadline
// racing the button grades and schedules exactly once.
import { cardFromRow, cardToRow, snapshotJson } from "../card-snapshot";
import { gradeAnswer } from "../grade";
import { rateAnswer } from "../rating";
import type { ReviewDeps } from "../review-deps";
import { ratingNumber } from "../review-types";
import { scheduleCard } from "../scheduler";
import { getReviewSettings } from "../settings";
import { MAX_DURATION_MS } from "../answer-input";
import { examError } from "./exam-input";

export type SubmitOutcome = { examId: string; alreadySubmitted: boolean };

export async function submitExam(deps: ReviewDeps, userId: string, examId: string): Promise<SubmitOutcome> {
  const { desiredRetention } = await getReviewSettings(deps, userId);
  const now = deps.clock.now();
  const applied = await deps.db.$transaction(async (tx) => {
    // Write first: the claim takes SQLite's write lock before anything is read.
    const claim = await tx.mockExam.updateMany({ where: { id: examId, userId, submittedAt: null }, data: { submittedAt: now } });
    const exam = await tx.mockExam.findUnique({ where: { id: examId } });
    if (!exam || exam.userId !== userId) throw examError("NotFound", "exam.unknown", "No such exam.");
    if (claim.count === 0) return false;
    const endReason = now.getTime() > exam.deadline.getTime() ? "timeout" : "submitted";
    const items = await tx.mockExamItem.findMany({ where: { examId }, orderBy: { position: "asc" } });
    let correctCount = 0;
    for (const item of items) {
      const question = deps.questions.byId.get(item.questionId);
      const chosen = item.chosen ? item.chosen.split(",").filter(Boolean) : [];
      // A question removed from the bank since the start cannot be graded: it stays unanswered.
      if (!question || chosen.length === 0) continue;
      const correct = gradeAnswer(question, chosen).correct;
      if (correct) correctCount += 1;
      await tx.mockExamItem.update({ where: { id: item.id }, data: { correct } });
      const rating = rateAnswer(correct, item.flagged ? "unsure" : "sure");
      const key = { userId_questionId: { userId, questionId: question.id } };
      const row = await tx.reviewCard.findUnique({ where: key });
      const before = row ? cardFromRow(row) : null;
      const after = scheduleCard(before, rating, now, desiredRetention);
      await tx.reviewCard.upsert({ where: key, create: { userId, questionId: question.id, ...cardToRow(after), introducedAt: now }, update: cardToRow(after) });
      await tx.reviewLog.create({
        data: {
          id: deps.ids.id(),
          userId,
          showingId: item.id,
          sessionId: examId,
          questionId: question.id,
          mode: "exam",
          chosen: chosen.join(","),
          correct,
          rating: ratingNumber(rating),
          confidence: item.flagged ? "unsure" : "sure",
          durationMs: Math.min(item.timeSpentMs, MAX_DURATION_MS),
          stateBefore: before?.state ?? 0,
          stateAfter: after.state,
          dueBefore: before?.due ?? null,
          dueAfter: after.due,
          cardBefore: before ? snapshotJson(before) : null,
          cardAfter: snapshotJson(after),
          reviewedAt: now,
        },
      });
    }
    await tx.mockExam.update({ where: { id: examId }, data: { correctCount, endReason } });
    return true;
  });
  return { examId, alreadySubmitted: !applied };
}
