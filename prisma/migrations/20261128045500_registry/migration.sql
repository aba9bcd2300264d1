-- CreateTable
CREATE TABLE "Repository" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Repository_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "User" ("accountId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Blob" (
    "digest" TEXT NOT NULL PRIMARY KEY,
    "size" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RepositoryBlob" (
    "repositoryId" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,

PRIMARY KEY ("repositoryId", "digest"),
    CONSTRAINT "RepositoryBlob_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RepositoryBlob_digest_fkey" FOREIGN KEY ("digest") REFERENCES "Blob" ("digest") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Manifest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "repositoryId" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "artifactType" TEXT,
    "subjectDigest" TEXT,
    "size" BIGINT NOT NULL,
    "imageSize" BIGINT NOT NULL,
    "annotations" TEXT,
    "pushedAt" DATETIME NOT NULL,
    "lastPulledAt" DATETIME,
    CONSTRAINT "Manifest_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ManifestReference" (
    "manifestId" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

PRIMARY KEY ("manifestId", "position"),
    CONSTRAINT "ManifestReference_manifestId_fkey" FOREIGN KEY ("manifestId") REFERENCES "Manifest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Tag" (
    "repositoryId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "manifestDigest" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

PRIMARY KEY ("repositoryId", "name"),
    CONSTRAINT "Tag_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UploadSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "repositoryId" TEXT NOT NULL,
    "offset" BIGINT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UploadSession_repositoryId_fkey" FOREIGN KEY ("repositoryId") REFERENCES "Repository" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegistryToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    CONSTRAINT "RegistryToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Repository_accountId_name_key" ON "Repository"("accountId", "name");

-- CreateIndex
CREATE INDEX "RepositoryBlob_digest_idx" ON "RepositoryBlob"("digest");

-- CreateIndex
CREATE INDEX "Manifest_repositoryId_subjectDigest_idx" ON "Manifest"("repositoryId", "subjectDigest");

-- CreateIndex
CREATE INDEX "Manifest_repositoryId_pushedAt_idx" ON "Manifest"("repositoryId", "pushedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Manifest_repositoryId_digest_key" ON "Manifest"("repositoryId", "digest");

-- CreateIndex
CREATE INDEX "ManifestReference_digest_idx" ON "ManifestReference"("digest");

-- CreateIndex
CREATE INDEX "Tag_repositoryId_manifestDigest_idx" ON "Tag"("repositoryId", "manifestDigest");

-- CreateIndex
CREATE INDEX "UploadSession_updatedAt_idx" ON "UploadSession"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RegistryToken_tokenHash_key" ON "RegistryToken"("tokenHash");

-- CreateIndex
CREATE INDEX "RegistryToken_userId_idx" ON "RegistryToken"("userId");
