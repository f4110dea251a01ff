// dependency-cruiser (`npm run deps`, step `deps` of `npm test`): the layering of docs/architecture.md.
// Folder-scope rules look at the graph collapsed to folders, so a cycle between two modules fails even
// when no single file imports itself back (a/x → b/y → a/z). Type-only imports count (tsPreCompilationDeps).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle-between-modules',
      severity: 'error',
      comment: 'Folders of app/modules form layers: a module may use only modules below it (docs/architecture.md).',
      scope: 'folder',
      from: { path: '^app/modules/[^/]+$' },
      to: { path: '^app/modules/[^/]+$', circular: true },
    },
    {
      name: 'modules-not-composition',
      severity: 'error',
      comment: 'Routes, the API, composition, route helpers and the server call modules, never the other way round.',
      from: { path: '^app/modules/' },
      to: { path: '^app/(routes|api|composition|route-support|server)/' },
    },
    {
      name: 'catalogue-below-registrations',
      severity: 'error',
      comment: 'events, prizes and contacts are catalogue data: registrations and everything above use them.',
      from: { path: '^app/modules/(events|prizes|contacts)/' },
      to: { path: '^app/modules/(registrations|admission|payments|jury|votes|nominations|campaigns|attendance|surveys)/' },
    },
    {
      name: 'registrations-not-policies',
      severity: 'error',
      comment: 'Payments, admission and invitations plug into registration through its interface (issue 13, item 2).',
      from: { path: '^app/modules/registrations/' },
      to: { path: '^app/modules/(payments|admission|campaigns)/' },
    },
  ],
  options: {
    // Tests may reach across modules to set up data; the layering is about the application code.
    exclude: { path: ['\\.test\\.tsx?$', '^app/generated/'] },
    includeOnly: '^app/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Folder-scope rules need the folder metrics.
    metrics: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
}
