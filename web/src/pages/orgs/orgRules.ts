import type { Rule } from 'antd/es/form';

export const orgNameRules: Rule[] = [
  { required: true, whitespace: true, message: '请输入组织全称' },
  { max: 100, message: '组织全称不能超过 100 个字' },
];
export const shortNameRules: Rule[] = [{ max: 50, message: '简称不能超过 50 个字' }];
export const orgCodeRules: Rule[] = [
  { max: 50, message: '组织代码不能超过 50 个字符' },
  { pattern: /^[A-Za-z0-9_-]*$/, message: '组织代码只能包含字母、数字、下划线和短横线' },
];
