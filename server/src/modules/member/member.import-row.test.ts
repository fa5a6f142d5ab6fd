import { describe, expect, it } from 'vitest';
import { validateImportRow, type ImportRowCells } from './member.import-row.js';
import { idCheckChar } from './member.normalize.js';

const TODAY = '2025-06-30';
const id = (first17: string) => first17 + idCheckChar(first17);
const MALE_1990 = id('33070219900101123');
const FEMALE_2008 = id('33070220080229002'); // born on a leap day

const base: ImportRowCells = {
  name: '张三', gender: '男', idNumber: MALE_1990, joinDate: '2015-07-01', category: '正式党员', org: '某某局机关第一党支部',
};
const check = (cells: ImportRowCells, row = 5) => validateImportRow(row, cells, { today: TODAY });
const messages = (cells: ImportRowCells) => check(cells).problems.map((p) => `${p.column}: ${p.message}`);

describe('validateImportRow', () => {
  it('returns the parsed row, taking the birth date from the ID number', () => {
    expect(check(base)).toEqual({
      problems: [],
      value: {
        name: '张三', gender: 'male', ethnicity: null, birthDate: '1990-01-01', idNumber: MALE_1990, phone: null,
        education: null, joinDate: '2015-07-01', category: 'full', probationStart: null, probationEnd: null,
        orgText: '某某局机关第一党支部', post: null,
      },
    });
  });

  it('normalizes every optional field', () => {
    const r = check({
      ...base, name: ' 张 三 ', ethnicity: '汉', birthDate: new Date(Date.UTC(1990, 0, 1)), idNumber: '330702900101123',
      phone: '138 1234 5678', education: '本科', joinDate: 42186, org: '  某某局（机关）  第一党支部 ', post: ' 组织委员 ',
    });
    expect(r.problems).toEqual([]);
    expect(r.value).toMatchObject({
      name: '张三', ethnicity: '汉族', birthDate: '1990-01-01', idNumber: MALE_1990, phone: '13812345678',
      education: '大学本科', joinDate: '2015-07-01', orgText: '某某局(机关) 第一党支部', post: '组织委员',
    });
  });

  it('reports every problem of a row, in column order, with the header and the raw text', () => {
    const r = check({
      name: '', gender: '未知', idNumber: '33070219900101123A', phone: '12345', education: '大学',
      joinDate: '2015年7月', category: '群众', org: '',
    }, 7);
    expect(r.value).toBeUndefined();
    expect(r.problems).toEqual([
      { row: 7, column: '姓名', value: '', message: '必填项为空' },
      { row: 7, column: '性别', value: '未知', message: '性别应为“男”或“女”' },
      { row: 7, column: '身份证号', value: '33070219900101123A', message: '身份证号只能由数字和末位的X组成' },
      { row: 7, column: '手机号码', value: '12345', message: '手机号码格式不正确' },
      { row: 7, column: '学历', value: '大学', message: '学历应为以下之一：研究生、大学本科、大学专科、中专、高中、初中及以下' },
      { row: 7, column: '入党日期', value: '2015年7月', message: '日期“2015年7月”不完整，请填写到具体某日，例如 2015-07-01' },
      { row: 7, column: '党员类别', value: '群众', message: '党员类别应为“正式党员”或“预备党员”' },
      { row: 7, column: '所在党组织', value: '', message: '必填项为空' },
    ]);
  });

  it('reports every empty required column', () => {
    expect(messages({})).toEqual(['姓名: 必填项为空', '性别: 必填项为空', '身份证号: 必填项为空', '入党日期: 必填项为空', '党员类别: 必填项为空', '所在党组织: 必填项为空']);
    expect(messages({ ...base, name: '　 ' })).toEqual(['姓名: 必填项为空']);
  });

  it('checks the join date against today and the birth date', () => {
    expect(messages({ ...base, joinDate: '2025-07-01' })).toEqual(['入党日期: 入党日期不能晚于今天']);
    expect(messages({ ...base, joinDate: '1989-12-31' })).toEqual(['入党日期: 入党日期早于出生日期']);
    expect(messages({ ...base, joinDate: '2007-12-31' })).toEqual(['入党日期: 入党时未满18周岁']);
    expect(messages({ ...base, joinDate: '2008-01-01' })).toEqual([]);
  });

  it('counts 18 years from a leap-day birthday to 03-01 in a common year', () => {
    const girl = { ...base, gender: '女', idNumber: FEMALE_2008 };
    const r = validateImportRow(2, { ...girl, joinDate: '2026-02-28' }, { today: '2026-12-31' });
    expect(r.problems.map((p) => p.message)).toEqual(['入党时未满18周岁']);
    expect(validateImportRow(2, { ...girl, joinDate: '2026-03-01' }, { today: '2026-12-31' }).problems).toEqual([]);
  });

  it('checks the birth date and gender against the ID number', () => {
    expect(messages({ ...base, birthDate: '1990-01-02' })).toEqual(['出生日期: 出生日期与身份证号不一致（身份证号中为 1990-01-01）']);
    expect(messages({ ...base, birthDate: '1990年1月1日' })).toEqual([]);
    expect(messages({ ...base, gender: '女' })).toEqual(['性别: 性别与身份证号不一致']);
  });

  it('explains an ID number that Excel stored as a number', () => {
    expect(messages({ ...base, idNumber: 330702199001011230 })).toEqual(['身份证号: 身份证号被Excel存成了数字，末几位已丢失；请把该列设为“文本”格式后重新填写']);
  });

  it('requires a probation start for probationary members and defaults the end to one year later', () => {
    expect(messages({ ...base, category: '预备党员' })).toEqual(['预备期开始: 预备党员须填写预备期开始日期']);
    const r = check({ ...base, joinDate: '2024-07-01', category: '预备党员', probationStart: '2024-07-01' });
    expect(r.value).toMatchObject({ category: 'probationary', probationStart: '2024-07-01', probationEnd: '2025-07-01' });
    const leap = check({ ...base, joinDate: '2024-02-29', category: '预备', probationStart: '2024/2/29' });
    expect(leap.value).toMatchObject({ probationStart: '2024-02-29', probationEnd: '2025-02-28' });
    const extended = check({ ...base, joinDate: '2023-07-01', category: '预备党员', probationStart: '2023-07-01', probationEnd: '2025-01-01' });
    expect(extended.value).toMatchObject({ probationEnd: '2025-01-01' });
  });

  it('checks the probation dates', () => {
    const p = { ...base, joinDate: '2024-07-01', category: '预备党员' };
    expect(messages({ ...p, probationStart: '2024-07-01', probationEnd: '2024-07-01' })).toEqual(['预备期结束: 预备期结束日期应晚于开始日期']);
    expect(messages({ ...p, probationStart: '2024-06-30' })).toEqual(['预备期开始: 预备期开始日期早于入党日期']);
    expect(messages({ ...p, probationStart: '2024-02-30' })).toEqual(['预备期开始: 日期“2024-02-30”不存在']);
    expect(messages({ ...p, probationStart: '2024-07-01', probationEnd: 'abc' })).toEqual(['预备期结束: 无法识别的日期“abc”，请使用 2015-07-01 的格式']);
  });

  it('limits the length of names and free text', () => {
    expect(messages({ ...base, name: '张'.repeat(50) })).toEqual([]);
    expect(messages({ ...base, name: '张'.repeat(51) })).toEqual(['姓名: 姓名不能超过50个字']);
    expect(messages({ ...base, post: '职'.repeat(51) })).toEqual(['职务: 职务不能超过50个字']);
    expect(messages({ ...base, ethnicity: '族'.repeat(21) })).toEqual(['民族: 民族不能超过20个字']);
  });

  it('caps the echoed cell text', () => {
    const r = check({ ...base, phone: '9'.repeat(500) });
    expect(r.problems[0]!.value).toHaveLength(100);
  });
});
