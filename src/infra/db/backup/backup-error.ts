// A backup, restore or copy that cannot go ahead, told as one sentence for the operator.
export class BackupError extends Error {
  override readonly name = 'BackupError';
}
