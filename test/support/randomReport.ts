/**
 * Random reports for property tests: any agency, year, values (blanks, negative changes, amounts with up to six
 * decimals) and narrative, in one edition. Values are what `writeReport` writes and the renderer prints.
 */
import fc from 'fast-check';
import { writtenRows } from '../../core/src/index';
import type { Column, Edition, ReportData } from '../../core/src/index';

/** Characters of ordinary report prose: no digits, no ordinal punctuation, so no sentence looks like a heading. */
const PROSE = [
  ...'的一是在了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发动同工也能下过子说产种面而方后多定行学法所民得经三之进着等部度家电力里如水化高自理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严',
];
const PLACE = [...'东西南北湖山江河海川平安宁康乐新兴华阳青白云长城林泉石桥溪峰台原州'];
const SUFFIX = [
  '人民政府',
  '教育局',
  '财政局',
  '卫生健康委员会',
  '市场监督管理局',
  '生态环境局',
  '街道办事处',
  '乡人民政府',
  '自然资源和规划局',
];

const sentence = fc
  .tuple(
    fc.array(fc.constantFrom(...PROSE), { minLength: 4, maxLength: 40 }),
    fc.constantFrom('。', '；', '！', '，以及'),
  )
  .map(([chars, end]) => `${chars.join('')}${end}`);
const paragraph = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([sentences, broken]) =>
    broken && sentences.length > 1 ? `${sentences[0]}\n${sentences.slice(1).join('')}` : sentences.join(''),
  );
const narrative = (optional: boolean): fc.Arbitrary<string> => {
  const text = fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((ps) => `${ps.join('\n\n')}\n`);
  return optional ? fc.oneof({ weight: 8, arbitrary: text }, { weight: 1, arbitrary: fc.constant('') }) : text;
};

/** An agency's name as reports print it: places, a level, a kind of body. */
export const agencyName = fc
  .tuple(
    fc.array(fc.constantFrom(...PLACE), { minLength: 2, maxLength: 6 }),
    fc.constantFrom('市', '县', '区', ''),
    fc.constantFrom(...SUFFIX),
  )
  .map(([place, level, suffix]) => `${place.join('')}${level}${suffix}`);

function blankOr(value: fc.Arbitrary<number>): fc.Arbitrary<number | null> {
  return fc.oneof({ weight: 15, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}

function cell(column: Column): fc.Arbitrary<number | null> {
  switch (column.kind) {
    case 'delta':
      return blankOr(fc.integer({ min: -9999, max: 9999 }));
    case 'amount':
      // Up to six decimals, as 万元 amounts are printed.
      return blankOr(fc.tuple(fc.nat({ max: 99_999_999 }), fc.nat({ max: 6 })).map(([n, k]) => n / 10 ** k));
    default:
      return blankOr(fc.oneof(fc.nat({ max: 9 }), fc.nat({ max: 999_999 })));
  }
}

export function randomReport(edition: Edition): fc.Arbitrary<ReportData> {
  const rows = writtenRows(edition);
  const values = fc.tuple(...rows.map((r) => fc.tuple(...r.node.columns.map(cell))));
  const years = edition === 2019 ? fc.integer({ min: 2019, max: 2020 }) : fc.integer({ min: 2021, max: 2040 });
  return fc
    .tuple(agencyName, years, values, narrative(false), narrative(true), narrative(true))
    .map(([name, year, table, overview, problems, other]) => ({
      edition,
      agency: name,
      year,
      texts: { overview, problems, other },
      rows: Object.fromEntries(rows.map((r, i) => [r.node.id, table[i]])),
    }));
}
