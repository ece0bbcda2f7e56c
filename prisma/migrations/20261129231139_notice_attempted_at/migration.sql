-- AlterTable
ALTER TABLE "ScheduledNotice" ADD COLUMN     "attemptedAt" TIMESTAMP(3);
