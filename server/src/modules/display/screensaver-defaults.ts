// The clean-governance slides a work committee starts with (it edits them afterwards). Texts are quoted from
// 《中国共产党廉洁自律准则》 (2015): the preamble, the four self-discipline norms for Party members and the four
// for leading cadres. Keep them word for word.

export interface DefaultSlide { title: string; lines: string[] }

export const DEFAULT_SLIDES: DefaultSlide[] = [
  { title: '中国共产党廉洁自律准则', lines: ['中国共产党全体党员和各级党员领导干部必须坚定共产主义理想和中国特色社会主义信念，', '必须坚持全心全意为人民服务根本宗旨，', '必须继承发扬党的优良传统和作风，', '自觉培养高尚道德情操，努力弘扬中华民族传统美德，', '廉洁自律，接受监督，永葆党的先进性和纯洁性。'] },
  { title: '党员廉洁自律规范', lines: ['坚持公私分明，', '先公后私，克己奉公。'] },
  { title: '党员廉洁自律规范', lines: ['坚持崇廉拒腐，', '清白做人，干净做事。'] },
  { title: '党员廉洁自律规范', lines: ['坚持尚俭戒奢，', '艰苦朴素，勤俭节约。'] },
  { title: '党员廉洁自律规范', lines: ['坚持吃苦在前，', '享受在后，甘于奉献。'] },
  { title: '党员领导干部廉洁自律规范', lines: ['廉洁从政，', '自觉保持人民公仆本色。'] },
  { title: '党员领导干部廉洁自律规范', lines: ['廉洁用权，', '自觉维护人民根本利益。'] },
  { title: '党员领导干部廉洁自律规范', lines: ['廉洁修身，', '自觉提升思想道德境界。'] },
  { title: '党员领导干部廉洁自律规范', lines: ['廉洁齐家，', '自觉带头树立良好家风。'] },
];
