import type { ReactNode } from "react";

type Props = {
  name: string;
  label: string;
  errors?: Record<string, string[]>;
  hint?: ReactNode;
  children?: ReactNode;
} & React.InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with its validation messages; pass `children` to render a select or textarea instead. */
export function FormField({ name, label, errors, hint, children, id: idProp, ...inputProps }: Props) {
  const messages = errors?.[name];
  const id = idProp ?? `field-${name}`;
  const describedBy = messages?.length ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children ?? <input id={id} name={name} aria-invalid={messages?.length ? true : undefined} aria-describedby={describedBy} {...inputProps} />}
      {hint && <span className="small muted">{hint}</span>}
      {messages?.length ? (
        <p className="field-error" id={describedBy} role="alert">
          {messages[0]}
        </p>
      ) : null}
    </div>
  );
}
