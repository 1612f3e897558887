/** A lawyer's photo, or their initials on a coloured disc. */
export function Avatar({ name, path, size = 48 }: { name: string; path: string | null; size?: number }) {
  const initials = name
    .replace(/^(Av\.|Stj\. Av\.)\s*/i, "")
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part.charAt(0).toLocaleUpperCase("tr"))
    .join("");
  return path ? (
    // eslint-disable-next-line @next/next/no-img-element -- already resized to 256 px on upload; no optimiser needed
    <img className="avatar" src={path} alt="" width={size} height={size} />
  ) : (
    <span className="avatar avatar-initials" style={{ width: size, height: size, fontSize: size / 2.6 }} aria-hidden="true">
      {initials}
    </span>
  );
}
