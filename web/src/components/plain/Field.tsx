// Labelled inputs for the member pages: big, with the error under the field.
import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: ReactNode;
  testId?: string;
}

export function TextField({ label, value, onChange, error, hint, testId, ...rest }: FieldProps) {
  const id = useId();
  return (
    <div className="zp-field">
      <label htmlFor={id}>{label}</label>
      <input
        {...rest}
        id={id}
        className="zp-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        data-testid={testId}
      />
      {error && <div className="zp-error" id={`${id}-err`}>{error}</div>}
      {hint && <div className="zp-hint">{hint}</div>}
    </div>
  );
}

/** A password input with a 显示/隐藏 switch (older users like to see what they typed). */
export function PasswordField({ label, value, onChange, error, hint, testId, ...rest }: FieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="zp-field">
      <label htmlFor={id}>{label}</label>
      <div className="zp-input-wrap">
        <input
          {...rest}
          id={id}
          type={shown ? 'text' : 'password'}
          className="zp-input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          data-testid={testId}
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
        />
        <button type="button" className="zp-reveal" onClick={() => setShown((s) => !s)} aria-label={shown ? '隐藏密码' : '显示密码'}>
          {shown ? '隐藏' : '显示'}
        </button>
      </div>
      {error && <div className="zp-error" id={`${id}-err`}>{error}</div>}
      {hint && <div className="zp-hint">{hint}</div>}
    </div>
  );
}
