/**
 * Layer rules (npm run check). Arrows point the only way imports may go:
 *   handlers ─┐            ┌─> views ──> domain
 *   scheduler ┼─> services ┼─> infra ──> domain
 *   cli ──────┘            └─> domain
 * See README "Layers" for the why of each rule.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain is pure logic: no Slack, Prisma, scheduler, filesystem or other layer of the app.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: '^src/domain/',
        path: ['^src/', '^generated/', 'node_modules/(@slack|@prisma|prisma|node-schedule|@electric-sql|pg)/'],
      },
    },
    {
      name: 'domain-no-node-builtins',
      comment: 'src/domain does no I/O: Node built-ins (fs, timers, process, net) stay outside it.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'handlers-no-database',
      comment: 'Handlers are glue: they call services, which own every query.',
      severity: 'error',
      from: { path: '^src/handlers/' },
      to: { path: ['^generated/', 'node_modules/(@prisma|prisma|@electric-sql|pg)/', '^src/infra/db/'] },
    },
    {
      name: 'services-no-slack',
      comment: 'Services return data, shared by handlers and jobs: no Bolt, no @slack types, no Block Kit builders.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: ['node_modules/@slack/', '^src/handlers/', '^src/app/'] },
    },
    // Services may import a view-model *type* from a view, never a builder: dependency-cruiser's
    // swc parser cannot tell type-only imports apart, so lint/services-no-view-builders.grit checks it.
    {
      name: 'views-no-services',
      comment: 'View builders are pure functions of the data they are given.',
      severity: 'error',
      from: { path: '^src/views/' },
      to: {
        path: [
          '^src/services/',
          '^src/handlers/',
          '^src/infra/',
          '^src/scheduler/',
          '^generated/',
          'node_modules/(@prisma|prisma)/',
        ],
      },
    },
    {
      name: 'infra-not-app',
      comment: 'Infrastructure adapters know nothing of the app above them.',
      severity: 'error',
      from: { path: '^src/infra/' },
      to: { path: ['^src/views/', '^src/services/', '^src/handlers/', '^src/app/', '^src/scheduler/', '^src/cli/'] },
    },
    {
      name: 'src-not-tests',
      comment: 'Production code never imports the tests or the local stack.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^test/', '^local-stack/', '^bench/', '^scripts/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^generated/' },
    // TypeScript 7 (the native compiler) has no JavaScript API for dependency-cruiser to parse with,
    // so it parses with swc; tsConfig still supplies module resolution.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
