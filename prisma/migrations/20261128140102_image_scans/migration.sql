-- CreateTable
CREATE TABLE "ImageScan" (
    "manifestId" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "description" TEXT,
    "startedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "findings" TEXT NOT NULL DEFAULT '[]',
    "packages" TEXT NOT NULL DEFAULT '[]',
    "os" TEXT,
    CONSTRAINT "ImageScan_manifestId_fkey" FOREIGN KEY ("manifestId") REFERENCES "Manifest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
