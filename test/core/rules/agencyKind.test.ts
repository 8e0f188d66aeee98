/**
 * 机关类型 read from the name only where the name decides it; NB313 between the two deadlines is a note when it
 * does not; the two quick fixes insert 机关类型 at its template place.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, applyEdits, fixEdits } from '../../../core/src/index';
import { agencyKindOfName } from '../../../core/src/rules/agencyKind';
import { FIXTURES } from '../../support/paths';

test('the name decides the kind of body only when it says so', () => {
  const cases: [string, string | undefined][] = [
    ['湛河区曹镇乡人民政府', '人民政府'],
    ['示范市临江区人民政府', '人民政府'],
    ['示范市临江区人民政府（本级）', '人民政府'],
    ['高平市人民政府办公室', '部门'],
    ['上海市人民政府办公厅', '部门'],
    ['长春市体育局', '部门'],
    ['示范市国有资产监督管理委员会', '部门'],
    ['示范市城市管理委员会', '部门'],
    ['示范市临江经济技术开发区管理委员会', '人民政府'],
    ['示范高新技术产业开发区管委会', '人民政府'],
    ['示范综合实验区', '人民政府'],
    ['贵安新区', '人民政府'],
    // A zone's committee reports for its area, whatever stands between the zone and 管理委员会.
    ['西咸新区开发建设管理委员会', '人民政府'],
    ['中国（上海）自由贸易试验区临港新片区管理委员会', '人民政府'],
    ['武当山旅游经济特区管理委员会', '人民政府'],
    ['某某风景名胜区管理委员会', '人民政府'],
    // A committee that names no zone may be either: never a department by its name alone.
    ['长白山管委会', undefined],
    ['长白山管理委员会', undefined],
    ['上海市住房和城乡建设管理委员会', '部门'],
    ['示范市临江区城南街道办事处', undefined],
    ['示范市临江区政务服务中心', '部门'],
    ['临江', undefined],
    ['', undefined],
  ];
  for (const [name, kind] of cases) assert.equal(agencyKindOfName(name), kind, name);
});

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, 'rules', name), 'utf8');
}

test('an undecided name between the deadlines is a note with two choices; each inserts 机关类型 after 发布日期', () => {
  const text = fixture('nb313/undecided.fail.nianbao.yaml');
  const analysis = analyze(text);
  const [d] = analysis.diagnostics.filter((x) => x.code === 'NB313');
  assert.equal(d.severity, 'information');
  const choices = [d.fix, ...(d.fixes ?? [])];
  assert.equal(choices.length, 2);
  const results = choices.map((fix) => {
    assert.ok(fix);
    const edits = fixEdits(analysis, fix);
    assert.ok(edits && edits.length === 1);
    return applyEdits(text, edits);
  });
  assert.match(results[0], /\n发布日期: 2025-02-20[^\n]*\n机关类型: 人民政府\n总体情况:/);
  assert.match(results[1], /\n发布日期: 2025-02-20[^\n]*\n机关类型: 部门\n总体情况:/);
  // As a government's report it is in time; as a department's, a warning with the days late.
  assert.deepEqual(
    analyze(results[0]).diagnostics.filter((x) => x.code === 'NB313'),
    [],
  );
  const late = analyze(results[1]).diagnostics.filter((x) => x.code === 'NB313');
  assert.deepEqual(
    late.map((x) => [x.code, x.severity]),
    [['NB313', 'warning']],
  );
  assert.match(late[0].message.zh, /迟 20 天/);
});

test('a 管委会 that names no zone, published between the deadlines, is a note, not a late department', () => {
  const [d] = analyze(fixture('nb313/committee-without-zone.fail.nianbao.yaml')).diagnostics.filter(
    (x) => x.code === 'NB313',
  );
  assert.equal(d.severity, 'information');
  for (const name of ['zone-committees', 'special-zone-committee']) {
    assert.deepEqual(
      analyze(fixture(`nb313/${name}.pass.nianbao.yaml`)).diagnostics.filter((x) => x.code === 'NB313'),
      [],
      name,
    );
  }
});

test('a declared 机关类型 offers no choice', () => {
  const analysis = analyze(fixture('nb313/department-late.fail.nianbao.yaml'));
  const [d] = analysis.diagnostics.filter((x) => x.code === 'NB313');
  assert.equal(d.severity, 'warning');
  assert.equal(d.fix, undefined);
});
