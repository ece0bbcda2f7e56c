-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "groupsSyncedFor" TEXT,
ADD COLUMN     "headGroupId" TEXT,
ADD COLUMN     "liaisonGroupId" TEXT,
ADD COLUMN     "signOff" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "DepartmentMember" ADD COLUMN     "viaGroup" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "DepartmentPeriod" ADD COLUMN     "signOffNote" TEXT,
ADD COLUMN     "signOffStatus" TEXT,
ADD COLUMN     "signedOffAt" TIMESTAMP(3),
ADD COLUMN     "signedOffBy" TEXT,
ADD COLUMN     "waitingReason" TEXT,
ADD COLUMN     "waitingUntil" TEXT;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "tz" TEXT;

-- CreateTable
CREATE TABLE "Absence" (
    "id" SERIAL NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "delegate" TEXT,
    "source" TEXT NOT NULL DEFAULT 'app_home',
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LadderDm" (
    "id" SERIAL NOT NULL,
    "recipient" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "departmentIds" INTEGER[],
    "noticeKey" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LadderDm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Absence_slackUserId_idx" ON "Absence"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "LadderDm_noticeKey_key" ON "LadderDm"("noticeKey");

-- CreateIndex
CREATE INDEX "LadderDm_recipient_period_step_idx" ON "LadderDm"("recipient", "period", "step");
