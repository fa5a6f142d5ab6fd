// Texts of the demo's digital base: article titles and bodies, notices, study materials and topics, screensaver
// slides. ALL FICTIONAL, like the rest of the demo (青禾 is an invented city); only the names of real Party
// regulations are cited, and the texts quoted word for word are taken from display/wall-texts.ts.
//
// Pure data and small builders: the same inputs give the same text.

import { DUTIES, MEETINGS, OATH, RIGHTS } from '../modules/display/wall-texts.js';

/** A piece of news: the title after the subject, what happened (after "<date>，<subject>"), and its points. */
export interface NewsTemplate { title: string; lead: string; points: readonly string[] }

/** News of an organ committee or a branch: the subject is the org's short name. */
export const ORG_NEWS: readonly NewsTemplate[] = [
  { title: '开展“强基固本”主题党日活动', lead: '组织全体党员开展“强基固本”主题党日活动，重温入党誓词，集中学习支部工作条例。', points: ['集体重温入党誓词', '领学《中国共产党支部工作条例（试行）》', '党员交流学习体会'] },
  { title: '召开党风廉政建设专题会议', lead: '召开党风廉政建设专题会议，传达上级有关会议精神，分析本单位廉政风险点。', points: ['通报近期典型案例', '逐岗排查廉政风险点', '签订党风廉政建设责任书'] },
  { title: '组织党员赴红色教育基地开展现场教学', lead: '组织党员赴市革命历史纪念馆开展现场教学，在参观学习中接受党性教育。', points: ['参观革命历史陈列', '聆听讲解员现场讲述', '在党旗下重温入党誓词'] },
  { title: '开展“我为群众办实事”志愿服务活动', lead: '组织党员志愿者走进结对社区，开展政策宣讲和便民服务。', points: ['政策咨询与宣传', '走访慰问困难群众', '协助社区开展环境整治'] },
  { title: '组织开展廉政警示教育', lead: '组织党员干部集中观看警示教育片，并围绕“守纪律、讲规矩”开展交流讨论。', points: ['集中观看警示教育片', '对照典型案例查摆问题', '撰写心得体会'] },
  { title: '召开支部委员会会议研究近期重点工作', lead: '召开支部委员会会议，研究党员教育管理、党费收缴和阵地建设等近期重点工作。', points: ['研究近期党员教育计划', '通报党费收缴情况', '部署党建阵地自查'] },
  { title: '开展“党员先锋岗”亮诺践诺活动', lead: '在窗口和业务一线设立党员先锋岗，组织党员公开承诺、亮明身份。', points: ['党员佩戴党徽上岗', '公开服务承诺', '接受群众监督评议'] },
  { title: '书记讲专题党课', lead: '书记以“坚定理想信念，做合格党员”为题讲专题党课。', points: ['讲清党员义务和权利', '结合业务工作谈体会', '提出下一步学习要求'] },
  { title: '开展清廉机关建设“五个一”活动', lead: '围绕清廉机关建设开展“五个一”活动：读一本廉政书籍、看一部警示片、讲一堂廉政党课、开展一次廉政谈话、写一篇心得体会。', points: ['廉政书籍集中导读', '分层开展廉政谈话', '征集廉洁文化作品'] },
  { title: '与社区党组织开展结对共建', lead: '与结对社区党组织签订共建协议，在组织共建、活动共办、资源共享方面深化合作。', points: ['签订结对共建协议', '联合开展主题党日', '建立党员志愿服务清单'] },
  { title: '开展党建阵地“提档升级”自查', lead: '对照机关党建阵地建设标准，对党员活动室、宣传窗和网上阵地逐项开展自查。', points: ['对照“六有”标准逐项核对', '更新宣传窗和党务公开栏', '完善台帐资料'] },
  { title: '开展党员积分制管理季度评议', lead: '开展党员积分制管理季度评议，对党员参加组织生活、志愿服务等情况进行量化评分。', points: ['党员自评', '支部委员会审核', '结果在支部内公示'] },
  { title: '召开专题组织生活会', lead: '召开专题组织生活会，党员逐一发言，开展批评与自我批评。', points: ['支部书记带头对照检查', '党员相互批评帮助', '列出问题清单并明确整改时限'] },
  { title: '举办“学理论、强本领”读书分享会', lead: '举办“学理论、强本领”读书分享会，青年党员结合业务谈学习收获。', points: ['青年党员领读', '分组交流讨论', '评选优秀学习笔记'] },
  { title: '开展“三会一课”规范化建设回头看', lead: '对照《中国共产党支部工作条例（试行）》，对各支部落实“三会一课”制度情况开展回头看。', points: ['查阅会议记录', '核对党课开展次数', '反馈问题并督促整改'] },
  { title: '走访慰问老党员和困难党员', lead: '走访慰问老党员和生活困难党员，送去组织的关心和温暖。', points: ['上门看望老党员', '了解实际困难', '建立帮扶联系台帐'] },
  { title: '举办青年党员理论宣讲比赛', lead: '举办青年党员理论宣讲比赛，参赛党员结合岗位实际宣讲理论学习体会。', points: ['初赛在各支部进行', '决赛现场评分', '优秀宣讲员参加市直机关展示'] },
  { title: '组织党员开展义务献血', lead: '组织党员干部参加无偿献血活动，以实际行动践行为民服务宗旨。', points: ['党员带头参加', '开展献血知识宣传', '做好后勤保障'] },
];

/** News of the work committee itself (the portal): full titles. */
export const PORTAL_NEWS: readonly NewsTemplate[] = [
  { title: '市直机关“微党建”平台上线运行', lead: '市直机关“微党建”平台正式上线，各级党组织可通过平台向党员发送通知、组织学习并查看阅读情况。', points: ['通知直达党员手机', '阅读回执按组织统计', '学习计划与出勤在线登记'] },
  { title: '市直机关工委召开机关党建阵地建设推进会', lead: '市直机关工委召开机关党建阵地建设推进会，总结前一阶段工作，部署下一步任务。', points: ['通报各单位阵地建设进展', '交流典型经验做法', '明确时间节点和责任分工'] },
  { title: '市直机关党建阵地建设全覆盖专项工作启动', lead: '市直机关工委启动机关党建阵地建设全覆盖专项工作，各基层党组织对照标准开展自评。', points: ['对照标准逐项自评', '上级党组织审核验收', '工委适时开展抽查'] },
  { title: '市直机关举办基层党组织书记培训班', lead: '市直机关举办基层党组织书记培训班，围绕支部标准化规范化建设开展专题培训。', points: ['支部工作条例专题辅导', '“三会一课”规范操作', '优秀支部书记经验分享'] },
  { title: '市直机关工委部署开展清廉机关创建工作', lead: '市直机关工委印发工作方案，部署在市直机关开展清廉机关创建工作。', points: ['健全廉政风险防控机制', '深化廉洁文化建设', '强化日常监督'] },
  { title: '市直机关开展“三会一课”制度落实情况专项检查', lead: '市直机关工委组成检查组，对部分单位“三会一课”制度落实情况开展专项检查。', points: ['随机抽查基层支部', '查阅会议记录和台帐', '现场反馈检查意见'] },
  { title: '市直机关工委举办党务干部业务能力提升培训', lead: '市直机关工委举办党务干部业务能力提升培训，帮助新任党务干部尽快熟悉工作。', points: ['党员发展工作流程', '党费收缴使用管理', '组织关系转接实务'] },
  { title: '市直机关青年理论学习小组开展联学活动', lead: '市直机关青年理论学习小组开展联学活动，来自多个单位的青年党员交流学习心得。', points: ['专题领学', '分组研讨', '形成学习成果清单'] },
  { title: '市直机关工委召开基层党组织按期换届工作推进会', lead: '市直机关工委召开基层党组织按期换届工作推进会，对今年到期换届的党组织逐一提出要求。', points: ['梳理到期换届名单', '规范换届选举程序', '及时报批选举结果'] },
  { title: '市直机关开展机关党建品牌创建交流活动', lead: '市直机关开展党建品牌创建交流活动，多家单位展示“党建+业务”融合发展成果。', points: ['现场展示品牌成果', '专家点评', '评选优秀党建品牌'] },
  { title: '市直机关工委调研基层党建阵地建设情况', lead: '市直机关工委负责同志深入部分单位，实地调研基层党建阵地建设和使用情况。', points: ['察看党员活动室', '听取基层意见建议', '协调解决实际困难'] },
  { title: '市直机关开展党员志愿服务进社区活动', lead: '市直机关各级党组织组织党员志愿者走进社区，开展环境整治、政策宣讲等志愿服务。', points: ['党员到社区报到', '认领服务项目', '记录志愿服务时长'] },
  { title: '市直机关工委召开意识形态工作专题会议', lead: '市直机关工委召开意识形态工作专题会议，分析研判当前机关意识形态领域情况。', points: ['落实意识形态工作责任制', '加强网上阵地管理', '规范宣传信息发布审核'] },
  { title: '图解：机关党建阵地建设“六有”标准', lead: '机关党建阵地建设要做到有场所、有设施、有标志、有党旗、有书报、有制度。本文以图解形式介绍各项要求。', points: ['有场所：党员活动室或共用场所', '有设施：电教设备和书报架', '有制度：“三会一课”等制度上墙'] },
  { title: '一图读懂“三会一课”制度', lead: '“三会一课”是党的组织生活的基本制度。本文梳理支部党员大会、支部委员会会议、党小组会和党课的开展要求。', points: ['支部党员大会一般每季度召开 1 次', '支部委员会会议一般每月召开 1 次', '党小组会一般每月召开 1 次，党课每季度至少 1 次'] },
  { title: '市直机关工委开展廉政警示教育月活动', lead: '市直机关工委开展廉政警示教育月活动，组织各单位党员干部参观廉政教育基地、观看警示教育片。', points: ['参观廉政教育基地', '观看警示教育片', '开展廉政谈话'] },
  { title: '市直机关工委组织开展党员教育培训示范课评选', lead: '市直机关工委组织开展党员教育培训示范课评选，各单位推荐的党课在平台展示。', points: ['各单位推荐示范课', '组织专家评审', '优秀示范课在全市直机关展示'] },
  { title: '市直机关开展“党建+业务”融合发展案例征集', lead: '市直机关工委开展“党建+业务”融合发展案例征集，推动党建工作与业务工作深度融合。', points: ['各单位报送案例', '评选优秀案例', '汇编成册推广交流'] },
  { title: '市直机关工委召开党建工作例会', lead: '市直机关工委召开党建工作例会，听取各机关党委近期工作汇报，研究部署下阶段重点任务。', points: ['各机关党委汇报近期工作', '通报阵地自评进展', '部署下阶段重点任务'] },
  { title: '市直机关开展“党员活动室开放日”活动', lead: '市直机关各单位党员活动室集中开放，邀请党员群众参观交流，展示阵地建设成果。', points: ['集中展示阵地建设成果', '党员讲解员现场讲解', '征集意见建议'] },
  { title: '市直机关举办党务知识竞赛', lead: '市直机关举办党务知识竞赛，各机关党委代表队围绕党章党规和党务工作实务同台竞技。', points: ['必答题考查基础知识', '抢答题考查反应能力', '风险题考查综合运用'] },
  { title: '市直机关工委印发党员教育培训工作计划', lead: '市直机关工委印发党员教育培训工作计划，对全年党员集中培训、党课和网上学习作出安排。', points: ['分层分类开展培训', '用好“理论学习”平台', '培训情况纳入年度考评'] },
  { title: '市直机关开展“红色家书”诵读活动', lead: '市直机关开展“红色家书”诵读活动，青年党员通过诵读革命先辈家书，感悟初心使命。', points: ['各单位推荐诵读作品', '集中展示诵读成果', '交流诵读体会'] },
  { title: '市直机关工委召开“微党建”平台应用推进会', lead: '市直机关工委召开“微党建”平台应用推进会，通报各单位通知阅读率、栏目更新和学习登记情况。', points: ['通报通知阅读率', '点名未及时更新的栏目', '推广学习登记好做法'] },
  { title: '市直机关党员活动室开放管理办法解读', lead: '为提高党员活动室使用效率，市直机关工委对党员活动室开放管理提出具体要求。', points: ['明确开放时间', '建立使用登记制度', '专人负责日常管理'] },
];

/** The recurring lecture series of the portal: numbered in publication order. */
export const LECTURE_TITLE = (n: number) => `市直机关“初心讲堂”第 ${n} 期开讲`;
export const LECTURE_LEAD = '市直机关“初心讲堂”邀请党校教师为机关党员讲授专题党课，各单位党员代表现场聆听。';
export const LECTURE_POINTS = ['专题党课', '现场互动交流', '各单位组织收看'];

const HEADINGS = [['活动情况', '主要做法'], ['工作要求', '下一步安排'], ['学习收获', '今后打算']] as const;
const PARAS = [
  '活动中，大家结合各自岗位实际，围绕如何发挥党员先锋模范作用展开了热烈讨论，纷纷表示要把学习成果转化为推动工作的实际成效。',
  '活动严格按照党组织生活的要求组织，会前制定方案，会中认真记录，会后及时整理台帐，做到有计划、有记录、有总结。',
  '党组织负责同志强调，要把党建阵地建设作为基层党组织建设的重要抓手，做到有场所、有设施、有标志、有党旗、有书报、有制度。',
  '下一步，将持续抓好理论学习和党员教育管理，推动党建工作与业务工作同谋划、同部署、同落实。',
  '大家一致认为，这次活动形式新颖、内容丰富，既是一次党性教育，也是一次作风锤炼，进一步增强了党员的责任感和使命感。',
  '会议要求，各支部要严格落实“三会一课”制度，认真开展主题党日活动，确保组织生活经常、认真、严肃。',
  '通过活动，党员干部进一步筑牢了廉洁自律的思想防线，增强了纪律意识和规矩意识。',
];

/** China-calendar day 'YYYY-MM-DD' as "M月D日". */
export const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** A sanitizable article body: a lead, two sections with headings, a list, and sometimes a link to 共产党员网. */
export function newsBody(t: NewsTemplate, subject: string, day: string, pick: (n: number) => number, link: boolean): string {
  const [h1, h2] = HEADINGS[pick(HEADINGS.length)]!;
  const p1 = PARAS[pick(PARAS.length)]!;
  const p2 = PARAS[(PARAS.indexOf(p1) + 1 + pick(PARAS.length - 1)) % PARAS.length]!;
  return [
    `<p>${monthDay(day)}，${subject}${t.lead}</p>`,
    `<h2>${h1}</h2>`,
    `<p>${p1}</p>`,
    `<ul>${t.points.map((x) => `<li>${x}</li>`).join('')}</ul>`,
    `<h2>${h2}</h2>`,
    `<p>${p2}</p>`,
    link ? '<p>更多学习资料请访问<a href="https://www.12371.cn/">共产党员网</a>。</p>' : '',
  ].join('\n');
}

/** The summary shown in lists: the lead without the date. */
export const newsSummary = (t: NewsTemplate, subject: string) => `${subject}${t.lead}`.slice(0, 120);

// ---------------------------------------------------------------------------------------------
// Notices (微党建): plain text, line breaks kept

export interface NoticeTemplate {
  kind: 'theory' | 'activity' | 'work';
  audience: 'all' | 'post';
  /** m: month of sending (1-12), q: its quarter. */
  title: (m: number, q: number) => string;
  /** The matters notified, one line each, after the greeting. */
  lines: (when: string) => string[];
}

const CN_QUARTER = ['一', '二', '三', '四'];

export const WC_NOTICES: readonly NoticeTemplate[] = [
  { kind: 'work', audience: 'all', title: () => '关于使用“微党建”接收通知的说明', lines: () => ['即日起，市直机关工委和各级党组织的通知将通过“微党建”发送到党员手机。', '请各位党员用本人账号登录，在“我的通知”中查看；打开通知即视为已读。', '登录遇到问题，请联系本单位党组织管理员。'] },
  { kind: 'theory', audience: 'all', title: (m) => `关于做好${m}月份理论学习的通知`, lines: (w) => [`请各党支部于${w}前组织一次集中学习，学习内容见“理论学习”中的学习资料。`, '学习情况请在平台“学习活动”中登记，并如实记录出勤。'] },
  { kind: 'work', audience: 'post', title: (_m, q) => `关于报送第${CN_QUARTER[q - 1]}季度党建工作台帐的通知`, lines: (w) => [`请各党组织书记、委员于${w}前整理本季度“三会一课”、主题党日等活动记录。`, '台帐电子版请上传至平台阵地档案，纸质材料留存备查。'] },
  { kind: 'activity', audience: 'all', title: () => '关于组织收看廉政警示教育片的通知', lines: (w) => [`请各单位于${w}前组织党员干部集中收看警示教育片。`, '收看后以支部为单位开展交流讨论，每名党员撰写一篇心得体会。'] },
  { kind: 'work', audience: 'all', title: () => '关于开展机关党建阵地建设全覆盖自评工作的通知', lines: () => ['根据工作安排，市直机关启动党建阵地建设全覆盖专项工作。', '请各基层党组织登录平台“阵地自评”，对照标准逐项自评并上传佐证材料，完成后提交上级党组织审核。'] },
  { kind: 'activity', audience: 'all', title: () => '关于开展党员志愿服务进社区活动的通知', lines: (w) => [`请各党支部于${w}前组织党员到结对社区报到，认领志愿服务项目。`, '活动照片和服务时长请报所在党组织汇总。'] },
  { kind: 'theory', audience: 'all', title: () => '关于认真学习《中国共产党纪律处分条例》的通知', lines: () => ['请各党支部将《中国共产党纪律处分条例》列入近期学习计划，组织党员逐章学习。', '各单位可结合典型案例开展警示教育，增强学习效果。'] },
  { kind: 'activity', audience: 'all', title: () => '关于参加市直机关“初心讲堂”的通知', lines: (w) => [`“初心讲堂”将于${w}下午在市行政中心报告厅举行。`, '请各单位党员代表准时参加，其他党员可在本单位党员活动室集中收看。'] },
  { kind: 'work', audience: 'post', title: () => '关于开展党员组织关系排查的通知', lines: (w) => [`请各党组织于${w}前对本组织党员名册进行核对，重点排查组织关系未转接的党员。`, '排查结果请在平台党员名册中更新。'] },
  { kind: 'work', audience: 'all', title: () => '关于做好党费收缴工作的通知', lines: (w) => [`请各党支部于${w}前完成本季度党费收缴，并在支部内公布收缴情况。`, '对按月交纳有困难的党员，请支部做好登记。'] },
];

export const OC_NOTICES: readonly NoticeTemplate[] = [
  { kind: 'work', audience: 'post', title: () => '关于召开机关党委委员会议的通知', lines: (w) => [`定于${w}上午九时在机关三楼会议室召开机关党委委员会议。`, '会议议题：研究近期党员教育和阵地建设工作。请各位委员准时参加。'] },
  { kind: 'activity', audience: 'all', title: (m) => `关于做好${m}月份主题党日活动安排的通知`, lines: (w) => [`请各党支部于${w}前开展本月主题党日活动，内容可结合学习计划自行安排。`, '活动开展后请在平台登记学习活动和出勤情况。'] },
  { kind: 'theory', audience: 'all', title: () => '关于报送支部学习计划的通知', lines: (w) => [`请各党支部于${w}前在平台“理论学习”中制定本支部学习计划。`, '计划应明确每次学习的专题和时间。'] },
  { kind: 'activity', audience: 'all', title: () => '关于组织参观廉政教育基地的通知', lines: (w) => [`机关党委定于${w}组织党员参观廉政教育基地。`, '请各支部统计参加人数，出发时间另行通知。'] },
  { kind: 'work', audience: 'all', title: () => '关于开展党建阵地自查的通知', lines: (w) => [`请各党支部对照阵地建设标准，于${w}前完成党员活动室、宣传窗自查。`, '发现问题请及时整改，整改情况报机关党委。'] },
];

/** A notice's text: greeting, the matters, sender and date. */
export function noticeBody(t: NoticeTemplate, greeting: string, sender: string, sentDay: string, dueDay: string): string {
  return [`${greeting}：`, ...t.lines(monthDay(dueDay)), '', sender, monthDay(sentDay)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Study

export interface MaterialText { kind: 'article' | 'link'; title: string; source: string; body?: string; url?: string }

/** The work committee's library: links to official sites and texts quoted word for word from wall-texts.ts. */
export const WC_MATERIALS: readonly MaterialText[] = [
  { kind: 'link', title: '共产党员网：党员教育学习平台', source: '共产党员网', url: 'https://www.12371.cn/' },
  { kind: 'article', title: '入党誓词', source: OATH.source, body: OATH.lines.join('') },
  { kind: 'article', title: '党员的义务', source: DUTIES.source, body: DUTIES.lines.join('\n') },
  { kind: 'article', title: '党员的权利', source: RIGHTS.source, body: RIGHTS.lines.join('\n') },
  { kind: 'article', title: '“三会一课”制度', source: MEETINGS.source, body: MEETINGS.lines.join('\n') },
  { kind: 'link', title: '共产党员网“党章党规”：《中国共产党章程》', source: '共产党员网', url: 'https://www.12371.cn/' },
  { kind: 'link', title: '共产党员网“党员教育”：示范党课视频', source: '共产党员网', url: 'https://www.12371.cn/' },
  { kind: 'link', title: '中国政府网：政策文件', source: '中国政府网', url: 'https://www.gov.cn/' },
  { kind: 'article', title: '学习辅导：怎样开好组织生活会', source: '市直机关工委组织部', body: ['组织生活会是党的组织生活的重要内容，一般每年召开一次。', '会前要认真学习、广泛征求意见、开展谈心谈话，党员对照检查、查找问题。', '会上党员逐一发言，开展批评和自我批评，批评要实事求是、与人为善。', '会后要列出问题清单，明确整改措施和时限，整改情况在适当范围内通报。'].join('\n') },
  { kind: 'article', title: '青禾市直机关党员活动室管理办法（试行）', source: '市直机关工委办公室', body: ['第一条　党员活动室是开展党员教育、组织生活和党务公开的主要场所。', '第二条　党员活动室应做到有场所、有设施、有标志、有党旗、有书报、有制度。', '第三条　各党组织应明确专人负责活动室的日常管理，建立使用登记制度。', '第四条　本办法由市直机关工委负责解释，自印发之日起施行。'].join('\n') },
];

/** What an organ committee keeps for its branches (its own subject prefixed). */
export const OC_MATERIALS: readonly MaterialText[] = [
  { kind: 'article', title: '本年度理论学习安排', source: '机关党委', body: ['各党支部每月至少组织一次集中学习。', '支部书记每季度讲一次党课。', '学习情况在平台登记，年底纳入支部工作考评。'].join('\n') },
  { kind: 'article', title: '廉政风险防控手册（摘要）', source: '机关党委', body: ['一、梳理岗位职责，查找廉政风险点。', '二、按风险高低分级，制定防控措施。', '三、定期检查防控措施落实情况，及时调整。'].join('\n') },
  { kind: 'link', title: '共产党员网：主题党日活动参考', source: '共产党员网', url: 'https://www.12371.cn/' },
];

/** Topics of study plans and sessions (names of real regulations only). */
export const STUDY_TOPICS: readonly string[] = [
  '学习《中国共产党章程》总纲',
  '学习《中国共产党支部工作条例（试行）》',
  '学习《中国共产党纪律处分条例》',
  '学习《中国共产党廉洁自律准则》',
  '重温入党誓词，开展党性分析',
  '学习“三会一课”制度要求',
  '学习党员的义务和权利',
  '开展廉政警示教育',
  '学习《中国共产党党员教育管理工作条例》',
  '学习机关党建阵地建设“六有”标准',
  '交流学习体会，开展批评与自我批评',
  '学习党的群众路线，交流为民服务体会',
];
export const STUDY_PLACES = ['党员活动室', '机关三楼会议室', '二楼小会议室', '职工之家'];
export const ABSENCE_REASONS = ['公出', '病假', '外出培训', '年休假', '值班'];

// ---------------------------------------------------------------------------------------------
// Screensaver: the work committee's own pages, after the shipped quotations (not quotations: slogans of its own)

export const WC_SLIDES: readonly { title: string; lines: string[] }[] = [
  { title: '青禾市直机关清廉机关建设', lines: ['廉洁从政　勤勉为民', '守纪律　讲规矩　重品行'] },
  { title: '青禾市直机关清廉机关建设', lines: ['八小时内外一个样', '台上台下一个样'] },
];
