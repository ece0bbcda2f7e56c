// Each department's user groups (`liaisons:` / `heads:`) and its sign-off setting, from the file as
// resolved against Slack (resolve-people.ts). A group dropped from the file takes its members' roles with it.
import type { ProgramFile } from '../../domain/program/program-schema.js';
import type { Db } from '../../infra/db-types.js';
import { applyGroupMembers, type GroupRole } from '../people/group-members.js';
import type { ResolvedGroup } from '../people/resolve-people.js';
import { count, type ImportSummary } from './import-summary.js';

export async function importDepartmentGroups(
  db: Db,
  program: Pick<ProgramFile, 'program' | 'departments'>,
  groups: ResolvedGroup[],
  departmentIds: Map<string, number>,
  summary: ImportSummary,
): Promise<void> {
  for (const d of program.departments) {
    const id = departmentIds.get(d.key)!;
    const before = await db.department.findUniqueOrThrow({ where: { id } });
    const group = (role: GroupRole) => groups.find((g) => g.departmentKey === d.key && g.role === role);
    const data = {
      liaisonGroupId: group('liaison')?.groupId ?? null,
      headGroupId: group('head')?.groupId ?? null,
      signOff: (d.sign_off ?? program.program.sign_off) === 'head',
    };
    if (
      before.liaisonGroupId !== data.liaisonGroupId ||
      before.headGroupId !== data.headGroupId ||
      before.signOff !== data.signOff
    ) {
      await db.department.update({ where: { id }, data });
      count(summary, 'updated', 'departments');
    }
    for (const role of ['liaison', 'head'] as const)
      count(summary, 'updated', 'roles', await applyGroupMembers(db, id, role, group(role)?.members ?? []));
  }
}
