// Submitting a mock exam: grade every question, store the score, and feed each answered question
// to the scheduler as one review (a flag means the learner was unsure: right + flagged is Hard).
// The submission is claimed with a conditional update, so a second tab, a retry or the deadline
// racing the button grades and schedules exactly once.
import { gradeAnswer } from "../grade";
import { rateAnswer } from "../rating";
import type { ReviewDeps } from "../review-deps";
import { recordReview } from "../record-review";
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
      const confidence = item.flagged ? "unsure" : "sure";
      await recordReview(tx, {
        id: deps.ids.id(),
        userId,
        questionId: question.id,
        showingId: item.id,
        sessionId: examId,
        mode: "exam",
        chosen,
        correct,
        rating: rateAnswer(correct, confidence),
        confidence,
        durationMs: Math.min(item.timeSpentMs, MAX_DURATION_MS),
        now,
        desiredRetention,
      });
    }
    await tx.mockExam.update({ where: { id: examId }, data: { correctCount, endReason } });
    return true;
  });
  return { examId, alreadySubmitted: !applied };
}
