// Client-side checks of member fields (the server validates again and normalizes).
import type { Rule } from 'antd/es/form';
import type { Gender } from '@contracts/enums';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function checkChar(first17: string): string {
  const sum = first17.split('').reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

/** Birth date and gender read from an 18-digit ID number, or null when it is not one. */
export function idNumberFacts(raw: string): { birthDate: string; gender: Gender } | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id) || checkChar(id.slice(0, 17)) !== id[17]) return null;
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return { birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

export const idNumberRules: Rule[] = [
  { required: true, whitespace: true, message: '请输入身份证号' },
  {
    validator: (_, value: string | undefined) => {
      const id = (value ?? '').trim().toUpperCase();
      if (!id || /^\d{15}$/.test(id)) return Promise.resolve();
      if (id.length !== 18) return Promise.reject(new Error('身份证号应为18位（或旧版15位）'));
      if (!/^\d{17}[\dX]$/.test(id)) return Promise.reject(new Error('身份证号只能由数字和末位的X组成'));
      if (checkChar(id.slice(0, 17)) !== id[17]) return Promise.reject(new Error('身份证号校验位错误，请核对'));
      return Promise.resolve();
    },
  },
];

export const phoneRules: Rule[] = [
  { max: 20, message: '手机号码不能超过 20 位' },
  { pattern: /^[\d\s\-+()#转分机extEXT.]*$/, message: '手机号码格式不正确' },
];
