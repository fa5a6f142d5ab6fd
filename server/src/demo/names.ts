// Pools for the demo data generator (generate.ts).
//
// ALL DEMO DATA IS FICTIONAL. 青禾 is an invented city; the organs, organizations, people, ID numbers
// (region code 99xxxx, which no real region uses) and phone numbers (199 + a scrambled sequence number)
// are made up. Any resemblance to real persons is coincidental.

/** The default fictional city. */
export const DEFAULT_CITY = '青禾';
/** ASCII prefix of organization codes. */
export const DEFAULT_CODE_PREFIX = 'QH';

/**
 * Government organs of the city: [name after the city name, short name]. `${city}${name}机关党委` is
 * the organ committee, e.g. 青禾市财政局机关党委. 60 distinct organs; beyond the list, numbered ones.
 */
export const ORGANS: ReadonlyArray<readonly [string, string]> = [
  ['市财政局', '财政局'],
  ['市教育局', '教育局'],
  ['市发展和改革委员会', '发改委'],
  ['市民政局', '民政局'],
  ['市司法局', '司法局'],
  ['市人力资源和社会保障局', '人社局'],
  ['市自然资源和规划局', '自然资源和规划局'],
  ['市生态环境局', '生态环境局'],
  ['市住房和城乡建设局', '住建局'],
  ['市交通运输局', '交通运输局'],
  ['市水利局', '水利局'],
  ['市农业农村局', '农业农村局'],
  ['市商务局', '商务局'],
  ['市文化广电旅游体育局', '文广旅体局'],
  ['市卫生健康委员会', '卫健委'],
  ['市退役军人事务局', '退役军人事务局'],
  ['市应急管理局', '应急管理局'],
  ['市审计局', '审计局'],
  ['市市场监督管理局', '市场监管局'],
  ['市统计局', '统计局'],
  ['市医疗保障局', '医保局'],
  ['市信访局', '信访局'],
  ['市机关事务管理局', '机关事务局'],
  ['市大数据发展管理局', '大数据局'],
  ['市综合行政执法局', '综合执法局'],
  ['市林业局', '林业局'],
  ['市粮食和物资储备局', '粮食物资局'],
  ['市科学技术局', '科技局'],
  ['市经济和信息化局', '经信局'],
  ['市民族宗教事务局', '民宗局'],
  ['市人民防空办公室', '人防办'],
  ['市地方金融监督管理局', '金融办'],
  ['市投资促进局', '投促局'],
  ['市城市管理局', '城管局'],
  ['市档案馆', '档案馆'],
  ['市地方志办公室', '方志办'],
  ['市人民政府办公室', '市府办'],
  ['市委办公室', '市委办'],
  ['市委组织部', '组织部'],
  ['市委宣传部', '宣传部'],
  ['市委统战部', '统战部'],
  ['市委政法委员会', '政法委'],
  ['市委政策研究室', '政研室'],
  ['市委机构编制委员会办公室', '编办'],
  ['市委党校', '党校'],
  ['市人大常委会办公室', '人大办'],
  ['市政协办公室', '政协办'],
  ['市总工会', '总工会'],
  ['市妇女联合会', '妇联'],
  ['市科学技术协会', '科协'],
  ['市文学艺术界联合会', '文联'],
  ['市残疾人联合会', '残联'],
  ['市供销合作社联合社', '供销社'],
  ['市气象局', '气象局'],
  ['市住房公积金管理中心', '公积金中心'],
  ['市公共资源交易中心', '公共资源交易中心'],
  ['市行政审批服务局', '审批局'],
  ['市海洋与渔业局', '海渔局'],
  ['市人民政府国有资产监督管理委员会', '国资委'],
  ['市人民政府外事办公室', '外办'],
];

/** Internal departments, used by some organ committees to name their branches (办公室党支部). */
export const DEPARTMENTS: readonly string[] = [
  '办公室', '人事处', '政策法规处', '规划发展处', '综合业务处', '财务审计处', '执法监督处', '信息中心',
  '机关服务中心', '行政审批科', '宣传教育处', '科技信息处', '监督检查处', '统计分析处', '调研处',
  '资金管理处', '项目管理处', '安全生产处', '法制科', '综合科',
];

/** About 100 common surnames, most frequent first (weights fall with rank), and a few compound ones. */
export const SURNAMES: readonly string[] = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高',
  '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁',
  '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔',
  '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦',
  '邱', '江', '尹', '薛', '闫', '段', '雷', '侯', '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵',
  '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤', '欧阳', '上官', '司马',
];

export const GIVEN_MALE: readonly string[] = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波',
  '宇', '浩', '凯', '健', '俊', '帆', '旭', '宁', '龙', '林', '阳', '建', '国', '峰', '亮', '成', '志', '海',
  '东', '晨', '博', '轩', '泽', '睿', '毅', '立', '新', '德', '振', '宏', '忠', '卫', '兵', '洋', '永', '庆',
  '民', '荣', '诚', '坤', '翔', '昊', '哲', '瑞', '恒', '锋', '山', '松', '光', '良', '文', '武',
];

export const GIVEN_FEMALE: readonly string[] = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '秀', '玲', '婷', '雪', '慧', '莹', '燕', '琳', '晶', '洁',
  '颖', '倩', '梅', '琴', '红', '萍', '佳', '欣', '悦', '瑶', '怡', '璐', '蕾', '薇', '丹', '妍', '雯', '岚',
  '珊', '琪', '萱', '蓉', '清', '月', '彤', '诗', '雨', '晴', '馨', '凤', '兰', '英', '玉', '春', '菲', '婧',
  '露', '琼', '蓓', '莉', '虹', '茜',
];

/** First characters of two-character given names, used for both genders. */
export const GIVEN_FIRST_COMMON: readonly string[] = [
  '晓', '子', '嘉', '思', '明', '安', '一', '文', '新', '建', '志', '海', '春', '云', '天', '永', '雅', '家',
  '宏', '俊', '立', '国', '秀', '丽', '佳', '欣', '梓', '雨', '亚', '小',
];

/** Ethnic groups other than 汉族 (about 6% of members). */
export const MINORITY_ETHNICITIES: readonly string[] = ['畲族', '回族', '满族', '蒙古族', '壮族', '土家族', '苗族', '朝鲜族', '彝族', '侗族'];
export const MAJORITY_ETHNICITY = '汉族';

/** Civil-service posts, lowest rank first (the index is used as a rank when choosing a secretary). */
export const POSTS: readonly string[] = [
  '办事员', '科员', '四级主任科员', '副科长', '三级主任科员', '二级主任科员', '科长', '一级主任科员',
  '四级调研员', '副处长', '三级调研员', '二级调研员', '处长', '一级调研员', '副局长', '局长',
];

/** Chinese numerals 1–99 (第一, 第十二, 第二十); larger numbers fall back to digits. */
export function cnNumber(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return d[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : d[tens]!) + '十' + (ones === 0 ? '' : d[ones]!);
}
