// 新增党员 / 编辑党员: every writable field of MemberCreateBody / MemberUpdateBody.
import { App, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  EDUCATIONS, GENDERS, GENDER_LABELS, MEMBER_CATEGORIES, MEMBER_CATEGORY_LABELS, MEMBER_STATUSES,
  MEMBER_STATUS_LABELS, type Gender, type MemberCategory, type MemberStatus,
} from '@contracts/enums';
import { createMember, memberKeys, updateMember } from '../../api/members';
import { orgKeys } from '../../api/orgs';
import type { MemberDetail } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { OrgPicker } from '../../components/org/OrgPicker';
import { idNumberFacts, idNumberRules, phoneRules } from './memberRules';

interface Values {
  name: string;
  gender: Gender;
  ethnicity?: string | null;
  birthDate?: Dayjs | null;
  idNumber: string;
  phone?: string | null;
  education?: string | null;
  joinDate: Dayjs;
  category: MemberCategory;
  probationStart?: Dayjs | null;
  probationEnd?: Dayjs | null;
  post?: string | null;
  orgId?: number;
  status?: MemberStatus;
}

type Props =
  | { open: boolean; mode: 'create'; defaultOrg: { id: number; name: string }; onClose: () => void; onSaved?: (m: MemberDetail) => void }
  | { open: boolean; mode: 'edit'; member: MemberDetail; onClose: () => void; onSaved?: (m: MemberDetail) => void };

const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const str = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | null | undefined) => s?.trim() || null;

export function MemberFormModal(props: Props) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const editing = props.mode === 'edit' ? props.member : null;

  const initial: Partial<Values> = editing
    ? {
        ...editing,
        birthDate: day(editing.birthDate),
        joinDate: dayjs(editing.joinDate),
        probationStart: day(editing.probationStart),
        probationEnd: day(editing.probationEnd),
      }
    : { gender: 'male', ethnicity: '汉族', category: 'full', orgId: props.mode === 'create' ? props.defaultOrg.id : undefined };

  const submit = async (v: Values) => {
    const common = {
      name: v.name.trim(),
      gender: v.gender,
      ethnicity: text(v.ethnicity),
      birthDate: str(v.birthDate),
      idNumber: v.idNumber.trim().toUpperCase(),
      phone: text(v.phone),
      education: v.education ?? null,
      joinDate: v.joinDate.format('YYYY-MM-DD'),
      category: v.category,
      probationStart: v.category === 'probationary' ? str(v.probationStart) : null,
      probationEnd: v.category === 'probationary' ? str(v.probationEnd) : null,
      post: text(v.post),
    };
    const saved = editing
      ? await updateMember(editing.id, { ...common, status: v.status ?? editing.status, version: editing.version })
      : await createMember({ ...common, orgId: v.orgId! });
    await Promise.all([qc.invalidateQueries({ queryKey: memberKeys.all }), qc.invalidateQueries({ queryKey: orgKeys.all })]);
    message.success(editing ? '党员信息已保存' : `已新增党员「${saved.name}」`);
    props.onSaved?.(saved);
  };

  return (
    <FormModal<Values>
      open={props.open}
      title={editing ? `编辑党员：${editing.name}` : '新增党员'}
      width={720}
      initialValues={initial}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <MemberFields creating={!editing} defaultOrgName={props.mode === 'create' ? props.defaultOrg.name : undefined} />
    </FormModal>
  );
}

function MemberFields({ creating, defaultOrgName }: { creating: boolean; defaultOrgName?: string }) {
  const form = Form.useFormInstance<Values>();
  const category = Form.useWatch('category', form);

  // Birth date (when empty) and gender follow an 18-digit ID number; the server checks they agree.
  const onIdBlur = () => {
    const facts = idNumberFacts(form.getFieldValue('idNumber') ?? '');
    if (!facts) return;
    if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', dayjs(facts.birthDate));
    form.setFieldValue('gender', facts.gender);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50, message: '姓名不能超过 50 个字' }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="性别" name="gender" rules={[{ required: true, message: '请选择性别' }]}>
          <Radio.Group options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="身份证号" name="idNumber" rules={idNumberRules}>
          <Input onBlur={onIdBlur} maxLength={18} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="出生日期" name="birthDate">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="民族" name="ethnicity" rules={[{ max: 20, message: '民族不能超过 20 个字' }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="学历" name="education">
          <Select allowClear placeholder="请选择" options={EDUCATIONS.map((e) => ({ value: e, label: e }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="手机号码" name="phone" rules={phoneRules}>
          <Input inputMode="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="职务" name="post" rules={[{ max: 50, message: '职务不能超过 50 个字' }]}>
          <Input placeholder="如：科员、支部书记" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="入党日期" name="joinDate" rules={[{ required: true, message: '请选择入党日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="党员类别" name="category" rules={[{ required: true, message: '请选择党员类别' }]}>
          <Radio.Group options={MEMBER_CATEGORIES.map((c) => ({ value: c, label: MEMBER_CATEGORY_LABELS[c] }))} />
        </Form.Item>
      </Col>
      {category === 'probationary' && (
        <>
          <Col xs={24} sm={12}>
            <Form.Item label="预备期开始" name="probationStart" extra="不填则从入党日期起算">
              <DatePicker
                style={{ width: '100%' }}
                onChange={(d) => {
                  if (d && !form.getFieldValue('probationEnd')) form.setFieldValue('probationEnd', d.add(1, 'year'));
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="预备期结束" name="probationEnd" extra="不填则为开始日期后一年">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </>
      )}
      {creating ? (
        <Col span={24}>
          <Form.Item label="所在党组织" name="orgId" rules={[{ required: true, message: '请选择所在党组织' }]}>
            <OrgPicker initialLabel={defaultOrgName} />
          </Form.Item>
        </Col>
      ) : (
        <Col xs={24} sm={12}>
          <Form.Item label="状态" name="status" rules={[{ required: true, message: '请选择状态' }]} extra="调整所在组织请使用“组织关系转接”。">
            <Select options={MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
