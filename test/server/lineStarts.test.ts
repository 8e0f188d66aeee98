/** The compact line starts kept for files on disk give exactly the positions of the core's LineIndex. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../core/src/index';
import { LineStarts } from '../../server/src/workspace/lineStarts';

test('LineStarts.positionAt agrees with LineIndex.positionAt at every offset, out of range included', () => {
  const piece = fc.constantFrom('a', '年', '报', '\n', '\r\n', '😀', ' ', ':', '\r');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
      const text = pieces.join('');
      const starts = new LineStarts(text);
      const index = new LineIndex(text);
      for (let offset = -2; offset <= text.length + 2; offset++)
        assert.deepEqual(starts.positionAt(offset), index.positionAt(offset), `${JSON.stringify(text)} @ ${offset}`);
    }),
    { seed: 20240601, numRuns: 300 },
  );
});
