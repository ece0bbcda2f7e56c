-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "startsWith" TEXT;
