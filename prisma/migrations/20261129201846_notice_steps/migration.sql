-- CreateTable
CREATE TABLE "NoticeStep" (
    "id" SERIAL NOT NULL,
    "noticeId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3) NOT NULL,
    "slackChannel" TEXT,
    "slackTs" TEXT,
    "error" TEXT,

    CONSTRAINT "NoticeStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NoticeStep_noticeId_key_key" ON "NoticeStep"("noticeId", "key");

-- AddForeignKey
ALTER TABLE "NoticeStep" ADD CONSTRAINT "NoticeStep_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "ScheduledNotice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
