-- AlterTable (hand-written: new columns of existing tables, with defaults for existing rows)
ALTER TABLE "User" ADD COLUMN "clockOffsetSeconds" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Repository" ADD COLUMN "imageTagMutability" TEXT NOT NULL DEFAULT 'MUTABLE';
ALTER TABLE "Repository" ADD COLUMN "tagMutabilityExclusions" TEXT;
ALTER TABLE "Repository" ADD COLUMN "scanOnPush" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Repository" ADD COLUMN "encryptionType" TEXT NOT NULL DEFAULT 'AES256';
ALTER TABLE "Repository" ADD COLUMN "kmsKey" TEXT;
ALTER TABLE "RegistryToken" ADD COLUMN "iamUserId" TEXT;

-- CreateTable
CREATE TABLE "ResourceTag" (
    "repositoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

PRIMARY KEY ("repositoryId", "key"),
    CONSTRAINT "ResourceTag_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LifecyclePolicy" (
    "repositoryId" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "lastEvaluatedAt" DATETIME,
    CONSTRAINT "LifecyclePolicy_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LifecyclePreview" (
    "repositoryId" TEXT NOT NULL PRIMARY KEY,
    "policyText" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "results" TEXT NOT NULL DEFAULT '[]',
    "startedAt" DATETIME NOT NULL,
    CONSTRAINT "LifecyclePreview_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RepositoryPolicy" (
    "repositoryId" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RepositoryPolicy_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegistrySettings" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "scanningConfiguration" TEXT,
    "registryPolicyText" TEXT,
    CONSTRAINT "RegistrySettings_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "User" ("accountId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IamUser" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "IamUser_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "User" ("accountId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IamUserPolicy" (
    "iamUserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "managed" BOOLEAN NOT NULL DEFAULT false,

PRIMARY KEY ("iamUserId", "name"),
    CONSTRAINT "IamUserPolicy_iamUserId_fkey" FOREIGN KEY ("iamUserId") REFERENCES "IamUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccessKey" (
    "accessKeyId" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "iamUserId" TEXT,
    "secretEncrypted" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Active',
    "createdAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME,
    CONSTRAINT "AccessKey_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "User" ("accountId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessKey_iamUserId_fkey" FOREIGN KEY ("iamUserId") REFERENCES "IamUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "IamUser_accountId_name_key" ON "IamUser"("accountId", "name");

-- CreateIndex
CREATE INDEX "AccessKey_accountId_idx" ON "AccessKey"("accountId");
