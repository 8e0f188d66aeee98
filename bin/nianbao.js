#!/usr/bin/env node
'use strict';
try {
  require('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli\.js/.test(error.message)) {
    process.stderr.write('nianbao: not built yet; run `npm ci` (or `npm run build`) in the project first.\n');
    process.exit(2);
  }
  throw error;
}
