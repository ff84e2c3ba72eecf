import { TextField } from "~/components/forms";

/** The organizer's sign-in address, as the sign-in and forgot-password pages ask for it. */
export function AccountEmailField({ error }: { error?: string }) {
  return <TextField name="email" type="email" label="Email" autoComplete="username" required error={error} />;
}

/** A password field with its autocomplete purpose, required. */
export function PasswordField({
  name,
  label,
  isNew,
  error,
}: {
  name: string;
  label: string;
  isNew: boolean;
  error?: string;
}) {
  return (
    <TextField
      name={name}
      type="password"
      label={label}
      hint={isNew ? "At least 12 characters." : undefined}
      autoComplete={isNew ? "new-password" : "current-password"}
      required
      error={error}
    />
  );
}

/** A new password and the same again (named `confirm`), wherever an organizer chooses one. */
export function NewPasswordFields({
  name = "password",
  label,
  againLabel,
  fields,
}: {
  name?: string;
  label: string;
  againLabel: string;
  fields: Record<string, string>;
}) {
  return (
    <>
      <PasswordField name={name} label={label} isNew error={fields[name]} />
      <TextField
        name="confirm"
        type="password"
        label={againLabel}
        autoComplete="new-password"
        required
        error={fields.confirm}
      />
    </>
  );
}
