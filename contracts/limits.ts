// Limits and policies shared by server and web.
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
export const IMPORT_MAX_BYTES = 30 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;
export const TERM_WARNING_MONTHS = 6;
/** Column order of the member import template and of the export. */
export const MEMBER_XLSX_COLUMNS = [
  { key: 'name', header: '姓名', required: true },
  { key: 'gender', header: '性别', required: true },
  { key: 'ethnicity', header: '民族', required: false },
  { key: 'birthDate', header: '出生日期', required: false },
  { key: 'idNumber', header: '身份证号', required: true },
  { key: 'phone', header: '手机号码', required: false },
  { key: 'education', header: '学历', required: false },
  { key: 'joinDate', header: '入党日期', required: true },
  { key: 'category', header: '党员类别', required: true },
  { key: 'probationStart', header: '预备期开始', required: false },
  { key: 'probationEnd', header: '预备期结束', required: false },
  { key: 'org', header: '所在党组织', required: true },
  { key: 'post', header: '职务', required: false },
] as const;
export type MemberXlsxKey = (typeof MEMBER_XLSX_COLUMNS)[number]['key'];
