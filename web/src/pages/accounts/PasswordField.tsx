// A new-password input checked against the policy (and the username), with a generator.
import { Button, Form, Input, Space } from 'antd';
import type { PasswordPolicy } from '../../lib/password';
import { describePolicy, generatePassword, policyProblem } from '../../lib/password';

interface Props {
  name: string;
  label: string;
  policy: PasswordPolicy;
  /** The account's username; when absent, the form's `username` field. */
  username?: string;
}

export function PasswordField({ name, label, policy, username }: Props) {
  const form = Form.useFormInstance();
  const user = () => username ?? (form.getFieldValue('username') as string | undefined)?.trim();
  return (
    <Form.Item label={label} required extra={`${describePolicy(policy)}该账号首次登录时须修改密码。`}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name={name}
          noStyle
          rules={[
            { required: true, message: `请输入${label}` },
            {
              validator: (_, v: string) => {
                const problem = v ? policyProblem(v, policy, user()) : null;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input autoComplete="new-password" aria-label={label} />
        </Form.Item>
        <Button
          onClick={() => {
            form.setFieldValue(name, generatePassword(policy));
            void form.validateFields([name]);
          }}
        >
          随机生成
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
