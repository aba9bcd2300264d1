-- CreateTable
CREATE TABLE "MockExam" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "durationSec" INTEGER NOT NULL,
    "passPercent" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "deadline" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "endReason" TEXT,
    "correctCount" INTEGER,
    CONSTRAINT "MockExam_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MockExamItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "examId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionOrder" TEXT NOT NULL,
    "chosen" TEXT,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "timeSpentMs" INTEGER NOT NULL DEFAULT 0,
    "answeredAt" DATETIME,
    "correct" BOOLEAN,
    CONSTRAINT "MockExamItem_examId_fkey" FOREIGN KEY ("examId") REFERENCES "MockExam" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MockExam_userId_startedAt_idx" ON "MockExam"("userId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MockExamItem_examId_position_key" ON "MockExamItem"("examId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "MockExamItem_examId_questionId_key" ON "MockExamItem"("examId", "questionId");
