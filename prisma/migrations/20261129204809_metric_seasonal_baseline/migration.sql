-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "baselineFrom" TEXT,
ADD COLUMN     "seasonal" BOOLEAN NOT NULL DEFAULT false;
