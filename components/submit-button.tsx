"use client";

import { useFormStatus } from "react-dom";

export function SubmitButton({ children, pendingText, className = "button button-primary button-block", ...rest }: {
  children: React.ReactNode;
  pendingText: string;
} & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending} {...rest}>
      {pending ? pendingText : children}
    </button>
  );
}
