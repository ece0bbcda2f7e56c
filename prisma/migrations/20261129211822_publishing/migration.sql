-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "dataSource" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "definition" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "isPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "methodology" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "PublishedRecord" (
    "recordId" TEXT NOT NULL,
    "metricId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "data" JSONB NOT NULL,
    "firstPublishedAt" TIMESTAMP(3) NOT NULL,
    "revisedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublishedRecord_pkey" PRIMARY KEY ("recordId")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "by" TEXT NOT NULL,
    "periods" TEXT[],
    "records" INTEGER NOT NULL,
    "revised" INTEGER NOT NULL,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublishedRecord_period_idx" ON "PublishedRecord"("period");
