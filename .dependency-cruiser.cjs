// The layering of the repository, enforced by dependency-cruiser (`npm run lint`). ARCHITECTURE.md explains it;
// this file is where it is stated. Type-only imports count: a layer that needs another's types depends on it.

/**
 * The only packages the core may use, all pure JavaScript: the two YAML parsers, the HTML parser, and the zip and XML
 * readers of a Word document (the importer's .docx).
 */
const CORE_PACKAGES = '^node_modules/(js-yaml|yaml|parse5|fflate|saxes)/';

/**
 * The core's folders and top-level modules, lowest first. A module may import from its own folder and from the
 * layers below its own, never from a layer above nor from another folder of its own layer; so no folder of the core
 * depends on another one that depends back on it.
 */
const CORE_LAYERS = [
  ['derived.ts', 'text/'],
  ['template/'],
  ['i18n/'],
  ['syntax/'],
  ['diagnostics/'],
  ['model/'],
  ['narrative/', 'format/'],
  ['analysisMemo.ts'],
  ['schema/'],
  ['rules/'],
  ['analyze.ts'],
  ['compare/'],
  ['cross/', 'edits/', 'assist/', 'render/', 'import/'],
  ['index.ts'],
];

const corePath = (entry) => `^core/src/${entry.endsWith('/') ? entry : `${entry.replace('.', '\\.')}$`}`;

const layerRules = CORE_LAYERS.flatMap((layer, i) =>
  layer.flatMap((entry) => {
    const above = CORE_LAYERS.slice(i + 1).flat();
    const peers = layer.filter((e) => e !== entry);
    if (above.length + peers.length === 0) return [];
    return {
      name: `core-layer:${entry}`,
      comment: `core/src/${entry} imports only from its own folder and the layers below it (CORE_LAYERS)`,
      severity: 'error',
      from: { path: corePath(entry) },
      to: { path: [...above, ...peers].map(corePath) },
    };
  }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles anywhere.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'The core imports no Node module (no I/O): it runs anywhere, the webview included.',
      severity: 'error',
      from: { path: '^core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-packages',
      comment: 'The core imports no editor, LSP or other package: only the parsers of CORE_PACKAGES.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^node_modules/', pathNot: CORE_PACKAGES },
    },
    {
      name: 'core-is-the-bottom',
      comment: 'The core imports none of the projects built on it.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(word|extract|protocol|server|client|cli|tools|test)/' },
    },
    {
      name: 'word-writes-only',
      comment:
        "word/ writes the core's OfficialDocument with the docx library: it imports the core and that library, nothing else (no I/O: it returns bytes).",
      severity: 'error',
      from: { path: '^word/' },
      to: { pathNot: ['^word/', '^core/', '^node_modules/docx/'] },
    },
    {
      name: 'extract-reads-files',
      comment:
        'extract/ reads a file for the importer (PDFs through pdfjs-dist in its worker thread): it imports the core, Node and pdfjs-dist, nothing of ours above the core nor the Word writer.',
      severity: 'error',
      from: { path: '^extract/' },
      to: { path: '^(word|protocol|server|client|cli|tools|test)/' },
    },
    {
      name: 'extract-packages',
      comment: 'extract/ uses one package of its own: pdfjs-dist.',
      severity: 'error',
      from: { path: '^extract/' },
      to: { path: '^node_modules/', pathNot: '^node_modules/pdfjs-dist/' },
    },
    {
      name: 'protocol-only-types',
      comment: 'protocol/ holds message types only: it imports vscode-languageserver-protocol and nothing of ours.',
      severity: 'error',
      from: { path: '^protocol/' },
      to: {
        pathNot: [
          '^protocol/',
          '^node_modules/(vscode-languageserver-protocol|vscode-jsonrpc|vscode-languageserver-types)/',
        ],
      },
    },
    {
      name: 'client-knows-the-protocol',
      comment:
        'The client talks to the server only through protocol/; it imports nothing of the server, the CLI, the Word writer, the file reader or the tools, and no core module (give a core module the client must run itself a pathNot here).',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(server|cli|word|extract|tools|test|core)/' },
    },
    {
      name: 'server-is-an-edge',
      comment:
        'The server uses the core, the Word writer, the file reader (extract/) and the protocol; it knows nothing of the client, the CLI or the tools.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(client|cli|tools|test)/' },
    },
    {
      name: 'cli-is-an-edge',
      comment: 'The CLI uses the core, the Word writer and the file reader (extract/) alone.',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^(server|client|protocol|tools|test)/' },
    },
    {
      name: 'no-dev-dependency-at-run-time',
      comment:
        'What the bundles run imports no devDependency (Ajv, for one, only generates the validators in tools/); editor types excepted.',
      severity: 'error',
      from: { path: '^(core|word|extract|protocol|server|client|cli)/' },
      to: { dependencyTypes: ['npm-dev'], pathNot: '^node_modules/@types/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist)/|\\.generated\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.eslint.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
