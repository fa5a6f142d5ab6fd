import { describe, expect, it } from 'vitest';
import {
  addYears, cellText, idCheckChar, maskIdNumber, maskPhone, normalizeEthnicity, normalizeName, normalizePhone,
  normalizeText, parseCategory, parseDate, parseEducation, parseGender, pinyinKeys, toHalfWidth, validateIdNumber,
} from './member.normalize.js';

/** A valid 18-character ID from its first 17 digits. */
const id = (first17: string) => first17 + idCheckChar(first17);

describe('normalizeText', () => {
  it('turns Excel cell values into strings', () => {
    expect(normalizeText(null)).toBe('');
    expect(normalizeText(undefined)).toBe('');
    expect(normalizeText(42)).toBe('42');
    expect(normalizeText(true)).toBe('true');
    expect(normalizeText(new Date(Date.UTC(2015, 6, 1)))).toBe('2015-07-01');
    expect(normalizeText({ richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] })).toBe('张三');
    expect(normalizeText({ text: '链接文字', hyperlink: 'https://example.com' })).toBe('链接文字');
    expect(normalizeText({ formula: 'A1&B1', result: '公式结果' })).toBe('公式结果');
    expect(normalizeText({ formula: '1/0', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(normalizeText({ sharedFormula: 'A1', result: 7 })).toBe('7');
  });

  it('converts full-width ASCII and the ideographic space to half-width', () => {
    expect(toHalfWidth('０１２３ＡＢＣａｂｃ（）－．／')).toBe('0123ABCabc()-./');
    expect(normalizeText('　ＡＢ　　Ｃ　')).toBe('AB C');
  });

  it('trims, collapses whitespace runs and drops zero-width characters', () => {
    expect(normalizeText('  某某  \t 支部 \n ')).toBe('某某 支部');
    expect(normalizeText('\u200B党支部\uFEFF')).toBe('党支部');
  });

  it('keeps the raw text for echoing in cellText', () => {
    expect(cellText(' ２０１５ ')).toBe(' ２０１５ ');
  });
});

describe('normalizeName', () => {
  it('removes all inner spaces and unifies the separator dot', () => {
    expect(normalizeName(' 张　三 ')).toBe('张三');
    expect(normalizeName('买买提.艾力')).toBe('买买提·艾力');
    expect(normalizeName('买买提・艾力')).toBe('买买提·艾力');
    expect(normalizeName('买买提．艾力')).toBe('买买提·艾力');
  });
});

describe('parseDate', () => {
  const good = (v: unknown, expected: string) => expect(parseDate(v)).toEqual({ ok: true, value: expected });

  it('reads Date cells as UTC dates', () => {
    good(new Date(Date.UTC(2015, 6, 1)), '2015-07-01');
    good(new Date(Date.UTC(2015, 6, 1, 23, 59, 59)), '2015-07-01');
  });

  it('reads Excel serial numbers', () => {
    good(42186, '2015-07-01');
    good(42186.75, '2015-07-01');
    good(32874, '1990-01-01');
    good(61, '1900-03-01');
    good(1, '1900-01-01');
    good('42186', '2015-07-01'); // a serial pasted as text
    expect(parseDate(60)).toEqual({ ok: false, message: '日期“1900-02-29”不存在' });
  });

  it('reads every written format', () => {
    good('2015年7月1日', '2015-07-01');
    good('2015年07月01日', '2015-07-01');
    good('2015年7月1号', '2015-07-01');
    good('2015.7.1', '2015-07-01');
    good('2015/7/1', '2015-07-01');
    good('2015-7-1', '2015-07-01');
    good('2015-07-01', '2015-07-01');
    good('20150701', '2015-07-01');
    good(20150701, '2015-07-01');
    good('2015-07-01 00:00:00', '2015-07-01');
    good('2015-07-01T00:00:00.000Z', '2015-07-01');
  });

  it('accepts full-width digits and stray spaces', () => {
    good('２０１５年７月１日', '2015-07-01');
    good('２０１５－０７－０１', '2015-07-01');
    good('２０１５．７．１', '2015-07-01');
    good(' 2015 年 7 月 1 日 ', '2015-07-01');
    good('2015 - 07 - 01', '2015-07-01');
    good('　2015/7/1　', '2015-07-01');
  });

  it('rejects a date without a day instead of guessing', () => {
    for (const v of ['2015年7月', '2015.7', '2015-07', '201507', '2015年', 2015, 2015.7]) {
      const r = parseDate(v);
      expect(r.ok, String(v)).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/不完整，请填写到具体某日/);
    }
    expect(parseDate('2015年7月')).toEqual({ ok: false, message: '日期“2015年7月”不完整，请填写到具体某日，例如 2015-07-01' });
  });

  it('rejects dates that do not exist', () => {
    expect(parseDate('2015-02-30')).toEqual({ ok: false, message: '日期“2015-02-30”不存在' });
    expect(parseDate('2015年13月1日')).toEqual({ ok: false, message: '日期“2015年13月1日”不存在' });
    expect(parseDate('2015-02-29').ok).toBe(false);
    good('2016-02-29', '2016-02-29');
    expect(parseDate('2000-02-30').ok).toBe(false);
    expect(parseDate(20150230)).toEqual({ ok: false, message: '日期“20150230”不存在' });
  });

  it('rejects years outside 1900..2100', () => {
    expect(parseDate('1850-01-01')).toEqual({ ok: false, message: '日期“1850-01-01”的年份应在 1900 至 2100 之间' });
    expect(parseDate('2101-01-01').ok).toBe(false);
    expect(parseDate(new Date(Date.UTC(1899, 11, 31))).ok).toBe(false);
    good('1900-01-01', '1900-01-01');
    good('2100-12-31', '2100-12-31');
  });

  it('explains unrecognized input', () => {
    expect(parseDate('abc')).toEqual({ ok: false, message: '无法识别的日期“abc”，请使用 2015-07-01 的格式' });
    expect(parseDate('15-7-1').ok).toBe(false);
    expect(parseDate('7/1/2015').ok).toBe(false);
    expect(parseDate('')).toEqual({ ok: false, message: '日期为空' });
    expect(parseDate(new Date(Number.NaN)).ok).toBe(false);
    expect(parseDate(-1).ok).toBe(false);
  });
});

describe('addYears', () => {
  it('adds whole years, ending a leap-day year on 02-28', () => {
    expect(addYears('2015-07-01', 1)).toBe('2016-07-01');
    expect(addYears('2016-02-29', 1)).toBe('2017-02-28');
    expect(addYears('2016-02-29', 4)).toBe('2020-02-29');
  });
});

describe('validateIdNumber', () => {
  const male = id('33070219900101123'); // 17th digit 3: odd, male
  const female = id('33070219851231002'); // 17th digit 2: even, female

  it('accepts a valid 18-digit ID and reads birth date and gender', () => {
    expect(validateIdNumber(male)).toEqual({ ok: true, value: male, birthDate: '1990-01-01', gender: 'male' });
    expect(validateIdNumber(female)).toMatchObject({ ok: true, birthDate: '1985-12-31', gender: 'female' });
  });

  it('rejects a wrong check digit', () => {
    const wrong = male.slice(0, 17) + (male[17] === '0' ? '1' : '0');
    expect(validateIdNumber(wrong)).toEqual({ ok: false, message: '身份证号校验位错误' });
    expect(validateIdNumber('330702199001011234')).toEqual({ ok: false, message: '身份证号校验位错误' });
  });

  it('normalizes a lower-case x check character to X', () => {
    // find a sequence number whose check character is X
    let withX = '';
    for (let seq = 100; seq < 1000 && !withX; seq++) {
      const candidate = id(`11010519800101${seq}`);
      if (candidate.endsWith('X')) withX = candidate;
    }
    expect(withX).not.toBe('');
    expect(validateIdNumber(withX.toLowerCase())).toMatchObject({ ok: true, value: withX });
    expect(validateIdNumber(` ${withX.slice(0, 6)} ${withX.slice(6).toLowerCase()} `)).toMatchObject({ ok: true, value: withX });
  });

  it('upgrades a 15-digit ID to 18 digits', () => {
    const r = validateIdNumber('330702900101123');
    expect(r).toEqual({ ok: true, value: male, birthDate: '1990-01-01', gender: 'male' });
  });

  it('accepts full-width digits', () => {
    expect(validateIdNumber(toFullWidth(male))).toMatchObject({ ok: true, value: male });
  });

  it('rejects wrong lengths, characters and birth dates', () => {
    expect(validateIdNumber('12345')).toEqual({ ok: false, message: '身份证号应为18位' });
    expect(validateIdNumber('3307021990010112345')).toEqual({ ok: false, message: '身份证号应为18位' });
    expect(validateIdNumber('33070219900101123A')).toEqual({ ok: false, message: '身份证号只能由数字和末位的X组成' });
    expect(validateIdNumber(id('33070219900230123'))).toEqual({ ok: false, message: '身份证号中的出生日期无效' });
    expect(validateIdNumber(id('33070218500101123'))).toEqual({ ok: false, message: '身份证号中的出生日期无效' });
    expect(validateIdNumber(id('33070220300101123'), '2025-01-01')).toEqual({ ok: false, message: '身份证号中的出生日期无效' });
  });
});

function toFullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe('normalizePhone', () => {
  const mobile = (v: string) => expect(normalizePhone(v)).toEqual({ ok: true, value: '13812345678', kind: 'mobile' });

  it('cleans mobile numbers', () => {
    mobile('13812345678');
    mobile('138 1234 5678');
    mobile('138-1234-5678');
    mobile('+86 138 1234 5678');
    mobile('+86-13812345678');
    mobile('(+86)13812345678');
    mobile('008613812345678');
    mobile('8613812345678');
    mobile('１３８１２３４５６７８');
  });

  it('keeps landlines as area-number', () => {
    const landline = (v: string, value: string) => expect(normalizePhone(v)).toEqual({ ok: true, value, kind: 'landline' });
    landline('0579-82345678', '0579-82345678');
    landline('057982345678', '0579-82345678');
    landline('(0579)82345678', '0579-82345678');
    landline('（0579）82345678', '0579-82345678');
    landline('0579 8234 5678', '0579-82345678');
    landline('010-62345678', '010-62345678');
    landline('01062345678', '010-62345678');
    landline('0579-82345678转801', '0579-82345678-801');
    landline('+86 579 82345678', '0579-82345678');
    landline('82345678', '82345678');
  });

  it('rejects anything else', () => {
    for (const v of ['12345', '23812345678', '1381234567', '138123456789', '12812345678', '电话', '0579-123', '13812345678转1']) {
      expect(normalizePhone(v), v).toEqual({ ok: false, message: '手机号码格式不正确' });
    }
  });
});

describe('masking', () => {
  it('masks ID numbers keeping the first and last four', () => {
    expect(maskIdNumber('330702199001011234')).toBe('3307**********1234');
    expect(maskIdNumber('33070219900101123X')).toBe('3307**********123X');
    expect(maskIdNumber('330702900101123')).toBe('3307*******1123');
    expect(maskIdNumber('1234')).toBe('****');
  });

  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0579-82345678')).toBe('0579-****5678');
    expect(maskPhone('010-62345678-801')).toBe('010-****5678');
    expect(maskPhone('82345678')).toBe('****5678');
    expect(maskPhone('123')).toBe('***');
    expect(maskPhone('')).toBe('');
  });
});

describe('pinyinKeys', () => {
  it('gives initials and full pinyin, lower-case without spaces', () => {
    expect(pinyinKeys('张三')).toEqual({ initials: 'zs', full: 'zhangsan' });
    expect(pinyinKeys(' 张 三 ')).toEqual({ initials: 'zs', full: 'zhangsan' });
  });

  it('reads polyphonic surnames as surnames', () => {
    expect(pinyinKeys('单雄信')).toEqual({ initials: 'sxx', full: 'shanxiongxin' });
    expect(pinyinKeys('曾国')).toEqual({ initials: 'zg', full: 'zengguo' });
    expect(pinyinKeys('曾国藩').full).toBe('zengguofan');
    expect(pinyinKeys('区晓').full).toBe('ouxiao');
  });

  it('applies surname readings to the head of the name only', () => {
    expect(pinyinKeys('张单').full).toBe('zhangdan');
  });

  it('writes ü as v and keeps Latin letters', () => {
    expect(pinyinKeys('吕布')).toEqual({ initials: 'lb', full: 'lvbu' });
    expect(pinyinKeys('买买提·艾力')).toEqual({ initials: 'mmtal', full: 'maimaitiaili' });
    expect(pinyinKeys('John').full).toBe('john');
  });
});

describe('enumerations', () => {
  it('parses gender', () => {
    expect(parseGender('男')).toEqual({ ok: true, value: 'male' });
    expect(parseGender(' 女 ')).toEqual({ ok: true, value: 'female' });
    expect(parseGender('Male')).toEqual({ ok: true, value: 'male' });
    expect(parseGender('female')).toEqual({ ok: true, value: 'female' });
    expect(parseGender('未知')).toEqual({ ok: false, message: '性别应为“男”或“女”' });
    expect(parseGender('constructor').ok).toBe(false); // no Object.prototype lookups
    expect(parseCategory('toString').ok).toBe(false);
    expect(parseEducation('__proto__').ok).toBe(false);
  });

  it('parses the member category', () => {
    expect(parseCategory('正式党员')).toEqual({ ok: true, value: 'full' });
    expect(parseCategory('正式')).toEqual({ ok: true, value: 'full' });
    expect(parseCategory('预备党员')).toEqual({ ok: true, value: 'probationary' });
    expect(parseCategory('预备')).toEqual({ ok: true, value: 'probationary' });
    expect(parseCategory('群众')).toEqual({ ok: false, message: '党员类别应为“正式党员”或“预备党员”' });
  });

  it('parses education with common synonyms', () => {
    const edu = (v: string, value: string) => expect(parseEducation(v)).toEqual({ ok: true, value });
    edu('大学本科', '大学本科');
    edu('本科', '大学本科');
    edu('本科学历', '大学本科');
    edu('专科', '大学专科');
    edu('大专', '大学专科');
    edu('硕士', '研究生');
    edu('博士', '研究生');
    edu('研究生', '研究生');
    edu('中专', '中专');
    edu('高中', '高中');
    edu('初中', '初中及以下');
    edu('初中及以下', '初中及以下');
    expect(parseEducation('大学')).toEqual({ ok: false, message: '学历应为以下之一：研究生、大学本科、大学专科、中专、高中、初中及以下' });
  });

  it('completes ethnic group names', () => {
    expect(normalizeEthnicity('汉')).toBe('汉族');
    expect(normalizeEthnicity('汉族')).toBe('汉族');
    expect(normalizeEthnicity(' 维吾尔 ')).toBe('维吾尔族');
    expect(normalizeEthnicity('穿青人')).toBe('穿青人');
    expect(normalizeEthnicity(null)).toBe('');
  });
});
