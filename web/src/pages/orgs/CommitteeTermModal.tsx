// 换届 (a new term) or editing the current term: dates and seats.
import { App, Button, DatePicker, Form, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { COMMITTEE_ROLES, COMMITTEE_ROLE_LABELS, type CommitteeRole, type OrgType } from '@contracts/enums';
import { createTerm, orgKeys, updateTerm } from '../../api/orgs';
import type { CommitteeSaveBody, CommitteeTerm, Org } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { SeatPersonInput, type SeatPerson } from '../../components/member/SeatPersonInput';

interface Values {
  startDate: Dayjs;
  endDate: Dayjs;
  seats: { role: CommitteeRole; person: SeatPerson }[];
}

/** Usual length of a term: party committees five years, branches three. */
const termYears = (type: OrgType) => (type === 'work_committee' || type === 'organ_committee' ? 5 : 3);
const MAX_SEATS = 30;

interface Props {
  open: boolean;
  org: Org;
  /** 'new' starts a term (seats copied from `term` if given); 'edit' changes `term`. */
  mode: 'new' | 'edit';
  term: CommitteeTerm | null;
  onClose: () => void;
}

export function CommitteeTermModal({ open, org, mode, term, onClose }: Props) {
  const { message } = App.useApp();
  const qc = useQueryClient();

  const seats = (term?.seats ?? []).map((s) => ({ role: s.role, person: { personName: s.personName, memberId: s.memberId } }));
  const initial: Partial<Values> =
    mode === 'edit' && term
      ? { startDate: dayjs(term.startDate), endDate: dayjs(term.endDate), seats }
      : {
          startDate: dayjs().startOf('day'),
          endDate: dayjs().startOf('day').add(termYears(org.type), 'year'),
          seats: seats.length ? seats : [{ role: 'secretary', person: { personName: '', memberId: null } }],
        };

  const submit = async (v: Values) => {
    const body: CommitteeSaveBody = {
      startDate: v.startDate.format('YYYY-MM-DD'),
      endDate: v.endDate.format('YYYY-MM-DD'),
      seats: (v.seats ?? []).map((s) => ({ role: s.role, memberId: s.person.memberId, personName: s.person.personName.trim() })),
    };
    if (mode === 'edit' && term) await updateTerm(term.id, { ...body, version: term.version });
    else await createTerm(org.id, body);
    await qc.invalidateQueries({ queryKey: orgKeys.all });
    message.success(mode === 'edit' ? '本届班子已保存' : '换届信息已保存');
  };

  return (
    <FormModal<Values>
      open={open}
      title={mode === 'edit' ? '编辑本届班子' : term ? '换届：录入新一届班子' : '录入本届班子'}
      width={640}
      initialValues={initial}
      onSubmit={submit}
      onClose={onClose}
    >
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item label="任期开始" name="startDate" rules={[{ required: true, message: '请选择任期开始日期' }]} style={{ flex: 1, minWidth: 200 }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label="任期届满"
          name="endDate"
          dependencies={['startDate']}
          style={{ flex: 1, minWidth: 200 }}
          rules={[
            { required: true, message: '请选择任期届满日期' },
            ({ getFieldValue }) => ({
              validator: (_, end: Dayjs | undefined) => {
                const start = getFieldValue('startDate') as Dayjs | undefined;
                return !end || !start || end.isAfter(start) ? Promise.resolve() : Promise.reject(new Error('届满日期应晚于开始日期'));
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.List name="seats">
        {(fields, { add, remove }) => (
          <>
            <div style={{ marginBottom: 8, fontWeight: 500 }}>班子成员</div>
            {fields.map((field) => (
              <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: '请选择职务' }]} style={{ width: 110, flex: 'none' }}>
                  <Select aria-label="职务" options={COMMITTEE_ROLES.map((r) => ({ value: r, label: COMMITTEE_ROLE_LABELS[r] }))} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'person']}
                  style={{ flex: 1, minWidth: 0 }}
                  rules={[
                    {
                      validator: (_, p: SeatPerson | undefined) => {
                        const name = p?.personName.trim() ?? '';
                        if (!name) return Promise.reject(new Error('请填写姓名'));
                        if (name.length > 50) return Promise.reject(new Error('姓名不能超过 50 个字'));
                        return Promise.resolve();
                      },
                    },
                  ]}
                >
                  <SeatPersonInput orgId={org.id} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除此成员" />
              </div>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_SEATS}
              onClick={() => add({ role: fields.length === 0 ? 'secretary' : 'committee_member', person: { personName: '', memberId: null } })}
            >
              添加成员{fields.length >= MAX_SEATS ? `（最多 ${MAX_SEATS} 人）` : ''}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
