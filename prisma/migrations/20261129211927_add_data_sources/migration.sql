-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "source" JSONB;

-- AlterTable
ALTER TABLE "MetricValue" ADD COLUMN     "provenance" JSONB;

-- AlterTable
ALTER TABLE "MetricValueRevision" ADD COLUMN     "provenance" JSONB;

-- CreateTable
CREATE TABLE "SourcePull" (
    "id" SERIAL NOT NULL,
    "metricId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "note" TEXT,
    "raw" TEXT,
    "reason" TEXT,
    "kind" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "systemKey" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SourcePull_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourcePull_period_idx" ON "SourcePull"("period");

-- CreateIndex
CREATE UNIQUE INDEX "SourcePull_metricId_period_key" ON "SourcePull"("metricId", "period");

-- AddForeignKey
ALTER TABLE "SourcePull" ADD CONSTRAINT "SourcePull_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;
