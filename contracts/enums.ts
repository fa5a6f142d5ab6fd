// Enumerations shared by server and web. Codes are English (glossary); labels are what people read.

export const ORG_TYPES = ['work_committee', 'organ_committee', 'general_branch', 'branch', 'group'] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  work_committee: '机关工委',
  organ_committee: '机关党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
};
/** Which child types each type may hold (a group sits only inside a branch). */
export const ORG_CHILD_TYPES: Record<OrgType, readonly OrgType[]> = {
  work_committee: ['organ_committee', 'general_branch', 'branch'],
  organ_committee: ['general_branch', 'branch'],
  general_branch: ['branch'],
  branch: ['group'],
  group: [],
};

export const ORG_STATUSES = ['active', 'dissolved'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];
export const ORG_STATUS_LABELS: Record<OrgStatus, string> = { active: '正常', dissolved: '已撤销' };

export const COMMITTEE_ROLES = ['secretary', 'deputy_secretary', 'committee_member'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];
export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  committee_member: '委员',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const MEMBER_CATEGORIES = ['full', 'probationary'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export const MEMBER_CATEGORY_LABELS: Record<MemberCategory, string> = { full: '正式党员', probationary: '预备党员' };

export const MEMBER_STATUSES = ['active', 'transferred_out', 'deceased', 'removed'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: '在册',
  transferred_out: '已转出',
  deceased: '已故',
  removed: '已出党',
};

export const EDUCATIONS = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'] as const;
export type Education = (typeof EDUCATIONS)[number];

export const ROLES = ['work_committee_admin', 'org_admin', 'member'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  work_committee_admin: '工委管理员',
  org_admin: '组织管理员',
  member: '党员',
};

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = { active: '正常', disabled: '已停用' };

export const AUDIT_RESULTS = ['ok', 'denied', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];
export const AUDIT_RESULT_LABELS: Record<AuditResult, string> = { ok: '成功', denied: '拒绝', failed: '失败' };

/** Audit actions. One list, so the audit page can offer them as a filter with readable labels. */
export const AUDIT_ACTION_LABELS = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.password_change': '修改密码',
  'org.create': '新建组织',
  'org.update': '修改组织',
  'org.move': '移动组织',
  'org.dissolve': '撤销组织',
  'committee.save': '保存班子届次',
  'member.create': '新增党员',
  'member.update': '修改党员',
  'member.transfer': '组织关系转接',
  'member.view': '查看党员完整信息',
  'member.import': '导入党员',
  'member.export': '导出党员',
  'account.create': '新建账号',
  'account.update': '修改账号',
  'account.reset_password': '重置密码',
  'audit.export': '导出审计日志',
  'standard.clone': '复制标准为新版本',
  'standard.update': '修改标准草稿',
  'standard.publish': '发布标准',
  'base.update': '更新阵地档案',
  'base.override': '调整阵地类别',
  'campaign.create': '发起专项工作',
  'campaign.close': '结束专项工作',
  'campaign.export': '导出覆盖情况',
  'assessment.answer': '填写自评',
  'assessment.evidence_add': '上传佐证材料',
  'assessment.evidence_remove': '删除佐证材料',
  'assessment.check': '系统核验',
  'assessment.submit': '提交自评',
  'assessment.review': '审核自评',
  'assessment.inspect': '记录督查',
  'wall_photo.add': '上传上墙照片',
  'wall_photo.remove': '删除上墙照片',
  'column.save': '保存栏目设置',
  'article.create': '新建文章',
  'article.update': '修改文章',
  'article.submit': '提交文章审核',
  'article.publish': '发布文章',
  'article.return': '退回文章',
  'article.unpublish': '撤下文章',
  'article.file_add': '上传文章图片或附件',
  'study_material.create': '新增学习资料',
  'study_material.update': '修改学习资料',
  'study_material.delete': '删除学习资料',
  'study_plan.create': '制定学习计划',
  'study_plan.update': '修改学习计划',
  'study_plan.delete': '删除学习计划',
  'study_session.create': '登记学习活动',
  'study_session.update': '修改学习活动',
  'study_session.delete': '删除学习活动',
  'study.export': '导出学习统计',
  'display_token.create': '创建阵地展示屏令牌',
  'display_token.revoke': '停用阵地展示屏令牌',
  'screensaver_slide.create': '新增廉政屏保页',
  'screensaver_slide.update': '修改廉政屏保页',
  'screensaver_slide.delete': '删除廉政屏保页',
  'notice.send': '发送通知',
  'notice.remind': '提醒未读党员',
  'notice.webhook': '设置群机器人推送',
  'notice.export': '导出通知阅读统计',
  'access.denied': '越权访问被拒绝',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const STANDARD_STATUSES = ['draft', 'published', 'retired'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];
export const STANDARD_STATUS_LABELS: Record<StandardStatus, string> = { draft: '草稿', published: '已发布', retired: '已停用' };

export const IMPORT_STATUSES = ['parsing', 'previewed', 'committing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
