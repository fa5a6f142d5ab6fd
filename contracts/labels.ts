// Chinese names of fields, for validation messages and forms.
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名', password: '密码', currentPassword: '当前密码', newPassword: '新密码', initialPassword: '初始密码',
  displayName: '姓名', role: '角色', orgId: '组织', parentId: '上级组织', newParentId: '目标上级组织', toOrgId: '转入组织',
  name: '名称', shortName: '简称', code: '编码', type: '类型', reason: '原因', version: '版本',
  gender: '性别', ethnicity: '民族', birthDate: '出生日期', idNumber: '身份证号', phone: '手机号码', education: '学历',
  joinDate: '入党日期', category: '党员类别', probationStart: '预备期开始', probationEnd: '预备期结束', post: '职务',
  status: '状态', transferDate: '转接日期', startDate: '任期开始', endDate: '任期结束', seats: '班子成员',
  personName: '姓名', memberId: '党员', q: '搜索词', page: '页码', pageSize: '每页条数', id: '编号',
  facts: '阵地档案', tier: '阵地类别',
};
