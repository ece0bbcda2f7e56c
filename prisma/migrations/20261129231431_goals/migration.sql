-- CreateTable
CREATE TABLE "StrategicPriority" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "StrategicPriority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "priorityId" INTEGER NOT NULL,
    "statement" TEXT NOT NULL,
    "departmentKey" TEXT,
    "longTermTarget" TEXT,
    "longTermBy" TEXT,
    "shortTermTarget" TEXT,
    "shortTermBy" TEXT,
    "fromLabels" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoalMetric" (
    "metricId" INTEGER NOT NULL,
    "goalId" INTEGER NOT NULL,

    CONSTRAINT "GoalMetric_pkey" PRIMARY KEY ("metricId")
);

-- CreateIndex
CREATE UNIQUE INDEX "StrategicPriority_key_key" ON "StrategicPriority"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_key_key" ON "Goal"("key");

-- CreateIndex
CREATE INDEX "Goal_priorityId_idx" ON "Goal"("priorityId");

-- CreateIndex
CREATE INDEX "GoalMetric_goalId_idx" ON "GoalMetric"("goalId");

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "StrategicPriority"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalMetric" ADD CONSTRAINT "GoalMetric_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
