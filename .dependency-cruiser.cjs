// The import rules of docs/architecture.md ("The dependency rule"), checked by `npm run depcheck`:
//   entry → gas → app → (ports, workbook) → domain;  sidebar → src/app/contracts only;
//   scripts/emulator never imports src/;  no import cycles anywhere.
// An arrow means "may import"; every rule below forbids an arrow pointing back up.
// tests/repo/depcheck.test.ts runs this file against a fixture with deliberate back-imports.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: modules that cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain (and the demo generator beside it) are pure rules: they import nothing of the layers above.',
      severity: 'error',
      from: { path: '^src/(domain|demo)/' },
      to: { path: '^src/(workbook|ports|app|gas|entry)' },
    },
    {
      name: 'workbook-and-ports-below-app',
      comment: 'src/workbook and src/ports sit between the use cases and the domain: they never import app, gas or entry.',
      severity: 'error',
      from: { path: '^src/(workbook|ports)/' },
      to: { path: '^src/(app|gas|entry)' },
    },
    {
      name: 'app-below-gas',
      comment: 'Use cases reach Apps Script only through ports: src/app never imports src/gas or the composition root.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(gas|entry)' },
    },
    {
      name: 'gas-below-entry',
      comment: 'Only the composition root wires adapters together: src/gas never imports src/entry.ts.',
      severity: 'error',
      from: { path: '^src/gas/' },
      to: { path: '^src/entry' },
    },
    {
      name: 'sidebar-sees-contracts-only',
      comment: 'The sidebar runs in the browser: of src/ it may share only the plain-JSON contracts of src/app/contracts.',
      severity: 'error',
      from: { path: '^sidebar/' },
      to: { path: '^src/', pathNot: '^src/app/contracts/' },
    },
    {
      name: 'kernel-knows-no-capability',
      comment: 'Each layer is grouped by capability (deals, clients, money, …) around a small shared kernel/: the kernel serves every capability, so it imports none of the capabilities of its own layer.',
      severity: 'error',
      from: { path: '^(src/(?:app|domain|gas)|sidebar/render)/kernel/' },
      // $1 is the kernel's own layer: a layer's kernel may use the capabilities of the layers below it.
      to: { path: '^$1/(?!kernel/|contracts/)[^/]+/' },
    },
    {
      name: 'emulator-never-imports-src',
      comment: 'The emulator stands in for Google: it must not know the add-on it runs.',
      severity: 'error',
      from: { path: '^scripts/emulator/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|build)/' },
    // Type-only imports count: they couple modules as much as value imports do.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
