import { useEffect, useState } from "react";

/** Copies a textarea's text; appears only once JavaScript runs (the textarea works without it). */
export function CopyButton({
  targetId,
  label,
  copied: done,
}: {
  targetId: string;
  label: string;
  copied: string;
}) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={async () => {
          const el = document.getElementById(targetId) as HTMLTextAreaElement | null;
          if (!el) return;
          try {
            await navigator.clipboard.writeText(el.value);
          } catch {
            el.select();
            document.execCommand("copy");
          }
          setCopied(true);
        }}
      >
        {label}
      </button>
      <span role="status" className="small">
        {copied ? ` ${done}` : ""}
      </span>
    </>
  );
}
