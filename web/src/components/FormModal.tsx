// A modal holding one antd Form: validates, submits with a spinner, closes on success, maps the
// server's field errors (VALIDATION details) onto the form, and closes on CONFLICT (data reloads).
import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { isApiError } from '../api/client';

interface Props<T> {
  open: boolean;
  title: ReactNode;
  okText?: string;
  danger?: boolean;
  width?: number;
  initialValues?: Partial<T>;
  /** Called with the validated values; throw to keep the modal open. */
  onSubmit: (values: T, form: FormInstance<T>) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}

export function FormModal<T extends object>(props: Props<T>) {
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    try {
      await props.onSubmit(values, form);
      props.onClose();
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) props.onClose();
      else if (isApiError(e) && e.details?.length) {
        const known = Object.keys(form.getFieldsValue(true) as object);
        const fields = e.details
          .map((d) => ({ name: (d.field ?? '').replace(/^\//, '').split('/')[0], errors: [d.message] }))
          .filter((f) => f.name && known.includes(f.name));
        if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText ?? '保存'}
      cancelText="取消"
      okButtonProps={{ danger: props.danger }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={props.width}
    >
      {/* No submit button inside: Enter in a date field must not send the form. */}
      <Form<T> form={form} layout="vertical" initialValues={props.initialValues} preserve={false}>
        {props.children}
      </Form>
    </Modal>
  );
}
