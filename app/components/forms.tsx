import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function describedBy(name: string, hint?: ReactNode, error?: string) {
  return (
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined
  );
}

function Messages({ name, hint, error }: { name: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <span id={`${name}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled input with its hint and error wired for screen readers. */
export function TextField({
  name,
  label,
  hint,
  error,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={name}>{label}</label>
      <Messages name={name} hint={hint} error={error} />
      <input
        id={name}
        name={name}
        type="text"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        {...input}
      />
    </div>
  );
}

export function TextArea({
  name,
  label,
  hint,
  error,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div>
      <label htmlFor={name}>{label}</label>
      <Messages name={name} hint={hint} error={error} />
      <textarea
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  children,
  ...input
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div>
      <label htmlFor={name}>{label}</label>
      <Messages name={name} hint={hint} error={error} />
      <select
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        {...input}
      >
        {children}
      </select>
    </div>
  );
}

export function CheckField({
  name,
  label,
  error,
  value = "on",
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = `${name}-${String(value)}`;
  return (
    <div>
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name={name}
          value={value}
          aria-invalid={error ? true : undefined}
          {...input}
        />
        <span>{label}</span>
      </label>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}

/**
 * Binds a form's values and field errors once: `f("rank")` gives the name, the default value and the
 * error of that field, to spread into a TextField, TextArea or SelectField.
 */
export function bindFields(
  values: Partial<Record<string, unknown>> | null | undefined,
  errors: Partial<Record<string, string>> = {},
) {
  return (name: string) => {
    const value = values?.[name];
    return {
      name,
      defaultValue: typeof value === "string" ? value : undefined,
      error: errors[name],
    };
  };
}

/** The options of a select, one for each value and its label, in order. */
export function LabelOptions({
  labels,
}: {
  labels: Record<string, string> | ReadonlyArray<readonly [string, string]>;
}) {
  const entries = Array.isArray(labels) ? labels : Object.entries(labels);
  return (
    <>
      {entries.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="alert" role="alert">
      {message}
    </div>
  );
}

/**
 * A list filter's choice (the label and its select, for a toolbar or a div): the empty value
 * (`any`, e.g. "All") and then each value with its label, in order; `children` adds options.
 */
export function FilterSelect({
  name,
  label,
  any,
  options,
  value,
  children,
}: {
  name: string;
  label: ReactNode;
  any: string;
  options: Record<string, string>;
  value: string | number | null | undefined;
  children?: ReactNode;
}) {
  return (
    <>
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value == null ? "" : String(value)}>
        <option value="">{any}</option>
        {children}
        {Object.entries(options).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </>
  );
}
