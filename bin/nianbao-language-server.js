#!/usr/bin/env node
'use strict';
// `nianbao-language-server --stdio`: the language server for editors other than VS Code (Neovim, Helix, Emacs …).
try {
  require('../dist/server.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]server\.js/.test(error.message)) {
    process.stderr.write(
      'nianbao-language-server: not built yet; run `npm ci` (or `npm run build`) in the project first.\n',
    );
    process.exit(2);
  }
  throw error;
}
