// yaml-language-server as the benchmark runs it: the real server (node_modules/yaml-language-server, started as
// its bin starts it, with `--stdio`), with two changes made before it loads and nothing else:
// - its validation delay (a fixed 200 ms after each change, not a setting) is set to NIANBAO_BENCH_YAML_DELAY ms
//   (default 0), as the nianbao server's debounce is set to 0 for the same measurement; with 0, validation is
//   scheduled with setImmediate, as the nianbao server does for 0 (a 0 ms timer waits at least 1 ms in Node), so
//   neither server is measured with a timer;
// - the network is closed: any HTTP(S) request (the JSON Schema Store catalogue, a remote schema) fails at once
//   and is reported on stderr as `nianbao-bench: network request attempted: URL`, which fails the benchmark.
//   The benchmark turns the schema store off in the settings; this proves that nothing is fetched anyway.
'use strict';
const http = require('node:http');
const https = require('node:https');
const { join } = require('node:path');

const pkg = join(require.resolve('yaml-language-server/package.json'), '..');
const delay = Number(process.env.NIANBAO_BENCH_YAML_DELAY ?? 0);

const { SettingsState } = require(join(pkg, 'out/server/src/yamlSettings.js'));
Object.defineProperty(SettingsState.prototype, 'validationDelayMs', {
  configurable: true,
  get: () => delay,
  set: () => {},
});

if (delay === 0) {
  const { ValidationHandler } = require(join(pkg, 'out/server/src/languageserver/handlers/validationHandlers.js'));
  // Their own `validate` and `cleanPendingValidation`, with setImmediate/clearImmediate for the timer.
  ValidationHandler.prototype.validate = function validate(textDocument) {
    this.cleanPendingValidation(textDocument);
    this.yamlSettings.pendingValidationRequests[textDocument.uri] = setImmediate(() => {
      delete this.yamlSettings.pendingValidationRequests[textDocument.uri];
      this.validateTextDocument(textDocument);
    });
  };
  ValidationHandler.prototype.cleanPendingValidation = function cleanPendingValidation(textDocument) {
    const request = this.yamlSettings.pendingValidationRequests[textDocument.uri];
    if (request) {
      clearImmediate(request);
      delete this.yamlSettings.pendingValidationRequests[textDocument.uri];
    }
  };
}

for (const mod of [http, https]) {
  for (const name of ['request', 'get']) {
    mod[name] = (url, ...rest) => {
      const where =
        typeof url === 'string' || url instanceof URL
          ? String(url)
          : `${url?.protocol ?? ''}//${url?.hostname ?? url?.host ?? ''}${url?.path ?? ''}`;
      process.stderr.write(`nianbao-bench: network request attempted: ${where}\n`);
      throw new Error(`network closed by the benchmark (${where})`);
    };
  }
}

require(join(pkg, 'bin/yaml-language-server'));
