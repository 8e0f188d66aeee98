/**
 * `writeReport` writes any text — control characters, C1 controls, lone surrogates, U+FFFE, line breaks of every
 * kind, quotes and backslashes, YAML indicators — so that it reads back as exactly that text, and comments cannot
 * break out of their line. (Found by the import fuzzer: a control character in a page's title made the imported
 * report unreadable YAML.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, writeReport, yamlString } from '../../../core/src/index';

const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const tricky = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u007f',
  '\u0085',
  '\u009f',
  '\ud800',
  '\udfff',
  '\ufffe',
  '\uffff',
  '\ufeff',
  '\u2028',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '"',
  '\\',
  '#',
  ': ',
  '- ',
  '|',
  "'",
  '𠀀',
);
const text = fc.array(fc.oneof(unit, tricky, fc.string()), { maxLength: 12 }).map((parts) => parts.join(''));

function syntaxFindings(yaml: string): string[] {
  return analyze(yaml)
    .diagnostics.filter((d) => d.code < 'NB110')
    .map((d) => `${d.code} ${d.message.en}`);
}

test('any agency name and any narrative read back exactly; header and row comments stay comments', () => {
  fc.assert(
    fc.property(
      text.filter((s) => s.trim() !== ''),
      text,
      text,
      (agency, narrative, comment) => {
        const yaml = writeReport({
          edition: 2021,
          agency,
          year: 2024,
          texts: { overview: narrative },
          headerComments: [comment, 'ok'],
          rowComments: { 'active.art20_5.licensing': comment },
        });
        assert.deepEqual(syntaxFindings(yaml), [], yaml.slice(0, 300));
        const { report } = analyze(yaml);
        assert.equal(report.agency, agency);
        // A literal block normalises line breaks (CRLF and CR to LF); the double-quoted form keeps them.
        const read = report.texts.get('overview')?.text ?? '';
        assert.ok(
          read === narrative || read === narrative.replace(/\r\n?/g, '\n'),
          `${JSON.stringify(read)} != ${JSON.stringify(narrative)}`,
        );
        assert.ok(
          yaml.split('\n')[0].startsWith('#') && yaml.split('\n')[1] === '# ok',
          'the header comment stays on its line',
        );
      },
    ),
    { seed: 424242, numRuns: 400 },
  );
});

test('yamlString: a string that YAML could not hold plainly is escaped', () => {
  assert.equal(yamlString('某县人民政府'), '某县人民政府');
  assert.equal(yamlString('a\u0001b'), '"a\\x01b"');
  assert.equal(yamlString('\ud800'), '"\\ud800"');
  assert.equal(yamlString('"hi" she said'), '"\\"hi\\" she said"');
});
