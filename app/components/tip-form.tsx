import { Form, Link, useNavigation } from "@remix-run/react";
import { bindFields, FormError, TextArea, TextField } from "~/components/forms";
import { TIP_LIMITS } from "~/modules/tips/tips";

export interface TipFormProps {
  values: Partial<Record<"body" | "name" | "email" | "phone", string>>;
  fields: Record<string, string>;
  message: string | null;
  about: { case: { slug: string; fullName: string } | null; media: { slug: string; title: string } | null };
  honeypot: string;
}

/** The public tip form: works without JavaScript (multipart POST), every input labelled. */
export function TipForm({ values, fields, message, about, honeypot }: TipFormProps) {
  const busy = useNavigation().state === "submitting";
  const f = bindFields(values, fields);
  return (
    <Form method="post" encType="multipart/form-data" className="stack tip-form" noValidate>
      <FormError message={message} />
      {about.case || about.media ? (
        <div className="panel tip-about">
          <p>
            About{" "}
            {about.case ? (
              <>
                the case of <Link to={`/cases/${about.case.slug}`}>{about.case.fullName}</Link>
              </>
            ) : null}
            {about.case && about.media ? " and " : null}
            {about.media ? (
              <>
                the help-identify item{" "}
                <Link to={`/cases/help-identify#${about.media.slug}`}>{about.media.title}</Link>
              </>
            ) : null}
          </p>
          <p className="small">
            <Link to="/tips/new">Send a general tip instead</Link>
          </p>
          {about.case ? <input type="hidden" name="case" value={about.case.slug} /> : null}
          {about.media ? <input type="hidden" name="media" value={about.media.slug} /> : null}
        </div>
      ) : null}
      <TextArea
        {...f("body")}
        className="tip-body"
        label="What do you know?"
        hint={`In any language. Who is it, where and when, and how do you know? At most ${TIP_LIMITS.maxChars.toLocaleString("en-US")} characters.`}
        maxLength={TIP_LIMITS.maxChars}
        required
      />
      <TextField
        {...f("attachments")}
        type="file"
        label="Photos or documents (optional)"
        hint={`Up to ${TIP_LIMITS.maxFiles} files: images (JPEG, PNG, WebP, GIF) or PDF, ${TIP_LIMITS.maxFileBytes / 1024 / 1024} MB each. Photos are saved again without their hidden data, such as where they were taken.`}
        multiple
        accept="image/jpeg,image/png,image/webp,image/gif,application/pdf"
      />
      <fieldset className="stack">
        <legend>How we can reach you (all optional)</legend>
        <p className="hint">
          You may stay anonymous. If you give an email address, we send you a receipt with your reference.
        </p>
        <TextField {...f("name")} label="Your name" autoComplete="name" maxLength={120} />
        <TextField {...f("email")} label="Email" type="email" autoComplete="email" maxLength={254} />
        <TextField {...f("phone")} label="Phone" type="tel" autoComplete="tel" maxLength={40} />
      </fieldset>
      <div className="hp-field">
        <label htmlFor={honeypot}>Leave this field empty</label>
        <input id={honeypot} name={honeypot} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <p className="small muted">
        Tips are never published. Only this site's organizers read them; they may pass a credible tip to the
        Defense POW/MIA Accounting Agency (DPAA).
      </p>
      <div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? "Sending…" : "Send the tip"}
        </button>
      </div>
    </Form>
  );
}
